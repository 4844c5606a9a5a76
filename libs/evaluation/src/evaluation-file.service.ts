import { Injectable } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { FicheAction, FicheEvidence } from './fiche.types';
import { computedActual, FicheEvidenceService } from './fiche-evidence.service';
import { FichesService } from './fiches.service';

/** Everything the year's file shows, in the region's frame: the CPTS, the year, each fiche with its indicators and evidence. */
export interface EvaluationFileData {
  cptsName: string;
  year: number;
  generatedOn: string;
  fiches: Array<FicheAction & { evidence: FicheEvidence[] }>;
}

/** The dossier du dialogue de gestion of a year, read once for the summary, the PDF and the XLSX. */
@Injectable()
export class EvaluationFileService {
  constructor(
    private readonly db: Db,
    private readonly fiches: FichesService,
    private readonly evidence: FicheEvidenceService,
  ) {}

  async read(year: number): Promise<EvaluationFileData> {
    this.fiches.requireReader();
    const rows = await this.fiches.rows(year);
    const evidence = await this.evidence.ofFiches(rows);
    // The computed actuals add up the same automatic evidence just read: no second read of the sources.
    const fiches = await this.fiches.toFiches(rows, async (fiche, indicators) => {
      const found = (evidence.get(fiche.id) ?? []).filter((e) => e.automatic);
      return new Map(indicators.map((i) => [i.id, i.computedFrom ? computedActual(i.computedFrom, found) : i.actual]));
    });
    const [t] = await this.db.rows<{ name: string; today: string }>(
      `SELECT name, to_char(now() AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS today FROM tenants WHERE id = $1`,
      [requireTenantId()],
    );
    return { cptsName: t.name, year, generatedOn: t.today, fiches: fiches.map((f) => ({ ...f, evidence: evidence.get(f.id) ?? [] })) };
  }
}
