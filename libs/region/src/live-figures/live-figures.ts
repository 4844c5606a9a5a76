import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Db } from '@cpts/platform-db';
import { readFigures } from '../figures/figures.reader';
import type { CptsYearFigures } from '../figures/figures.types';

/** The stored figures of some CPTS ($1, uuid[]) and years ($2, int[]): what the region's table reads. */
export const STORED_FIGURES_SQL = `SELECT tenant_id, year, figures, computed_at FROM cpts_figures WHERE tenant_id = ANY($1) AND year = ANY($2::int[])`;

/** A CPTS's figures of one year as last computed, and when. */
export interface StoredFigures {
  figures: CptsYearFigures;
  computedAt: Date;
}

/**
 * The aggregates the region's table reads (cpts_figures): each CPTS's
 * figures of a year, computed with the same read model as a live read
 * (readFigures) and stored by the CPTS's own transaction.
 */
@Injectable()
export class LiveFigures {
  constructor(private readonly db: Db) {}

  /**
   * Recomputes one CPTS's figures of `years` in its own tenant transaction
   * and stores them, and those of `closedYears` not counted within the last
   * day (a closed year changes only by late corrections). Skipped (false)
   * when another worker holds the CPTS's refresh: two workers never count
   * the same CPTS at once.
   */
  async refresh(tenantId: string, years: readonly number[], professionLabel: (code: string) => string, closedYears: readonly number[] = []): Promise<boolean> {
    return this.db.run({ tenantId, label: 'cpts-figures' }, async () => {
      const manager = await this.db.tenantManager();
      const [{ locked }] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('cpts_figures'), hashtext($1)) AS locked`, [tenantId]);
      if (!locked) return false;
      const fresh: Array<{ year: number }> = closedYears.length
        ? await manager.query(`SELECT year FROM cpts_figures WHERE tenant_id = $1 AND year = ANY($2::int[]) AND computed_at > now() - interval '1 day'`, [
            tenantId,
            closedYears,
          ])
        : [];
      const due = [...new Set([...years, ...closedYears.filter((y) => !fresh.some((f) => f.year === y))])];
      const figures = (await readFigures(manager, [tenantId], due, professionLabel)).get(tenantId)!;
      for (const [year, f] of figures) {
        await manager.query(
          `INSERT INTO cpts_figures (tenant_id, year, figures, computed_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (tenant_id, year) DO UPDATE SET figures = EXCLUDED.figures, computed_at = EXCLUDED.computed_at`,
          [tenantId, year, JSON.stringify(f)],
        );
      }
      return true;
    });
  }

  /** The stored figures of those CPTS and years, read in the caller's transaction (the regional path's): tenant → year → figures. */
  async read(manager: EntityManager, tenantIds: readonly string[], years: readonly number[]): Promise<Map<string, Map<number, StoredFigures>>> {
    const rows: Array<{ tenant_id: string; year: number; figures: CptsYearFigures & { lastActivityAt: string | null }; computed_at: Date }> =
      await manager.query(STORED_FIGURES_SQL, [tenantIds, years]);
    const result = new Map<string, Map<number, StoredFigures>>();
    for (const row of rows) {
      const figures = { ...row.figures, lastActivityAt: row.figures.lastActivityAt ? new Date(row.figures.lastActivityAt) : null };
      const years = result.get(row.tenant_id) ?? new Map<number, StoredFigures>();
      years.set(row.year, { figures, computedAt: new Date(row.computed_at) });
      result.set(row.tenant_id, years);
    }
    return result;
  }
}
