import { Injectable } from '@nestjs/common';
import { AppError, requirePrincipal, requireTenantId, searchKey } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { FIELD_LABELS } from '../field-labels';
import { PersonHistoryService } from '../history/person-history.service';
import { ConflictChoice, DirectoryImportIssue } from './directory-import.types';
import { IMPORTED_COLUMN, IMPORTED_FIELDS, ImportedField } from './rpps-import.processor';

interface ConflictRow {
  professionalId: string;
  field: ImportedField;
  currentValue: string | null;
  importedValue: string | null;
  resolution: string | null;
}

/**
 * One click on an import report's conflict: keep the staff's value, or take
 * the extraction's. Either way the choice is recorded on the issue and in the
 * person's history. Taking the extraction's value only applies if the field
 * still holds the value the report showed: a record edited since must be
 * looked at, not overwritten blind.
 */
@Injectable()
export class ImportConflictsService {
  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
  ) {}

  async resolve(importId: string, seq: number, keep: ConflictChoice): Promise<DirectoryImportIssue> {
    const tenantId = requireTenantId();
    const [issue] = await this.db.tenantRows<ConflictRow>(
      `SELECT professional_id AS "professionalId", field, current_value AS "currentValue", imported_value AS "importedValue", resolution
       FROM directory_import_issues WHERE tenant_id = $1 AND import_id = $2 AND seq = $3 AND kind = 'conflict' FOR UPDATE`,
      [tenantId, importId, seq],
    );
    if (!issue || !issue.professionalId) throw AppError.notFound('Écart introuvable dans ce rapport.');
    if (issue.resolution) throw AppError.conflict('Cet écart a déjà été traité.');
    if (!(IMPORTED_FIELDS as readonly string[]).includes(issue.field)) throw new Error(`unexpected conflict field ${issue.field}`);
    const column = IMPORTED_COLUMN[issue.field];
    const [person] = await this.db.tenantRows<{ value: string | null; latest: string | null; merged: boolean }>(
      `SELECT ${column} AS value, imported ->> $3 AS latest, merged_into IS NOT NULL AS merged FROM professionals WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, issue.professionalId, issue.field],
    );
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    // A record merged since the report is no one's to correct: the kept record is where the choice is made.
    // (An erased person's reported values are deleted with them: GdprService, MergesPersonData.)
    if (person.merged) throw AppError.conflict("Cette fiche a été fusionnée avec une autre depuis l'import : ouvrez la fiche conservée pour choisir.");
    const label = FIELD_LABELS[issue.field];
    const quoted = (v: string | null) => (v === null ? 'vide' : `« ${v} »`);
    if (keep === ConflictChoice.IMPORTED) {
      // Only the last import's value: an older report's would be taken by the next import for a hand edit, and kept for ever.
      if (person.latest !== issue.importedValue) {
        throw AppError.conflict(`Un import plus récent indique une autre valeur pour ${label} : traitez l'écart de son rapport.`);
      }
      if (person.value !== issue.currentValue) {
        throw AppError.conflict(`Le champ ${label} a été modifié depuis l'import : ouvrez la fiche pour choisir.`);
      }
      await this.applyImported(tenantId, issue, column);
      await this.history.record(issue.professionalId, 'import.conflict_resolved', `Valeur de l'Annuaire Santé appliquée pour ${label} : ${quoted(issue.importedValue)} (au lieu de ${quoted(issue.currentValue)}).`, {
        importId,
        field: issue.field,
        kept: 'imported',
      });
    } else {
      await this.history.record(issue.professionalId, 'import.conflict_resolved', `Valeur saisie à la main confirmée pour ${label} : ${quoted(issue.currentValue)} (l'Annuaire Santé indique ${quoted(issue.importedValue)}).`, {
        importId,
        field: issue.field,
        kept: 'current',
      });
    }
    await this.db.tenantRows(
      `UPDATE directory_import_issues SET resolution = $4, resolved_at = now(), resolved_by = $5 WHERE tenant_id = $1 AND import_id = $2 AND seq = $3`,
      [tenantId, importId, seq, keep, requirePrincipal().userId],
    );
    const [resolved] = await this.db.tenantRows<DirectoryImportIssue>(
      `SELECT i.seq, i.kind, i.line, i.reason, i.professional_id AS "professionalId", p.first_name || ' ' || p.last_name AS "professionalName",
              i.field, i.current_value AS "currentValue", i.imported_value AS "importedValue", i.resolution, i.resolved_at AS "resolvedAt"
       FROM directory_import_issues i LEFT JOIN professionals p ON p.tenant_id = i.tenant_id AND p.id = i.professional_id
       WHERE i.tenant_id = $1 AND i.import_id = $2 AND i.seq = $3`,
      [tenantId, importId, seq],
    );
    return resolved;
  }

  /** The extraction's value, checked again where the rules may have changed since the import (territory, professions). */
  private async applyImported(tenantId: string, issue: ConflictRow, column: string): Promise<void> {
    const value = issue.importedValue;
    const isName = issue.field === 'lastName' || issue.field === 'firstName';
    if (isName && !value) throw AppError.badInput('Le nom et le prénom ne peuvent pas être vides.');
    if (issue.field === 'communeCode') {
      const [ok] = await this.db.tenantRows(`SELECT 1 FROM tenants WHERE id = $1 AND $2 = ANY (commune_codes)`, [tenantId, value]);
      if (!ok) throw AppError.badInput("Cette commune n'est plus sur le territoire de la CPTS.");
    }
    if (issue.field === 'professionCode') {
      const [ok] = await this.db.tenantRows(`SELECT 1 FROM professions WHERE code = $1`, [value]);
      if (!ok) throw AppError.badInput('Profession inconnue de la plateforme.');
    }
    // The field now equals the last import's value: the next import updates it again as an unedited field.
    const [row] = await this.db.tenantRows<{ last: string; first: string }>(
      `UPDATE professionals SET ${column} = $3, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2
       RETURNING last_name AS last, first_name AS first`,
      [tenantId, issue.professionalId, value, requirePrincipal().userId],
    );
    if (isName) {
      await this.db.tenantRows(`UPDATE professionals SET search_name = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, issue.professionalId, searchKey(`${row.last} ${row.first}`)]);
    }
  }
}
