import { Injectable } from '@nestjs/common';
import { AppError, FieldError, requirePrincipal, requireTenantId, searchKey } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { FIELD_LABELS } from '../field-labels';
import { PersonHistoryService } from '../history/person-history.service';
import { ConflictChoice, DirectoryImportIssue } from './directory-import.types';
import { ISSUE_COLUMNS, ISSUE_JOINS } from './issue-columns';
import { IMPORTED_FIELDS, ImportedField, isSiteField, PERSON_COLUMN, PersonField, SITE_COLUMN } from './import-fields';

interface ConflictRow {
  seq: number;
  professionalId: string;
  siteId: string | null;
  field: ImportedField;
  currentValue: string | null;
  importedValue: string | null;
  resolution: string | null;
}

/** Where a conflict's field stands now: its value, the last import's value, and the site's name for a site field. */
interface FieldNow {
  value: string | null;
  latest: string | null;
  /** A site field whose site is no longer current (retired, or gone with a merge). */
  gone: boolean;
  label: string;
}

const quoted = (v: string | null) => (v === null ? 'vide' : `« ${v} »`);

/**
 * Settling an import report's conflicts: keep the staff's value, or take
 * the extraction's, for one field or for all of a person's open conflicts in
 * the report at once. Either way the choice is recorded on each issue and in
 * the person's history, in the request's one transaction. Taking the
 * extraction's value only applies if the field still holds the value the
 * report showed and the extraction's value is the last import's: a record
 * edited since must be looked at, not overwritten blind. A record merged
 * since the report is refused whole.
 *
 * For a person, it is all or nothing: if any field is refused, nothing is
 * applied and the error lists every refused field (a half-settled person
 * would leave the staff to find out which fields moved).
 */
@Injectable()
export class ImportConflictsService {
  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
  ) {}

  async resolve(importId: string, seq: number, keep: ConflictChoice): Promise<DirectoryImportIssue> {
    const [issue] = await this.lockIssues(importId, 'i.seq = $3', seq);
    if (!issue || !issue.professionalId) throw AppError.notFound('Écart introuvable dans ce rapport.');
    if (issue.resolution) throw AppError.conflict('Cet écart a déjà été traité.');
    await this.lockPerson(issue.professionalId);
    const now = await this.fieldNow(issue);
    const refusal = await this.refusal(issue, keep, now);
    if (refusal) throw refusal;
    await this.settle(importId, issue, keep, now);
    return (await this.issues(importId, [seq]))[0];
  }

  /** All of one person's open conflicts of a report, settled the same way, all or nothing. */
  async resolvePerson(importId: string, professionalId: string, keep: ConflictChoice): Promise<DirectoryImportIssue[]> {
    const open = (await this.lockIssues(importId, 'i.professional_id = $3', professionalId)).filter((i) => !i.resolution);
    if (open.length === 0) throw AppError.notFound("Aucun écart à traiter pour cette personne dans ce rapport.");
    await this.lockPerson(professionalId);
    const checked = [];
    const refused: FieldError[] = [];
    for (const issue of open) {
      const now = await this.fieldNow(issue);
      const refusal = await this.refusal(issue, keep, now);
      // Each refusal names its field; the few that do not (a value the rules no longer accept) get it in front.
      if (refusal) refused.push({ field: issue.field, message: refusal.message.includes(now.label) ? refusal.message : `${now.label} : ${refusal.message}` });
      checked.push({ issue, now });
    }
    if (refused.length > 0) {
      throw AppError.conflict(
        `Aucune valeur n'a été appliquée : ${refused.length === 1 ? 'un champ est' : `${refused.length} champs sont`} à revoir sur la fiche. ${refused.map((r) => r.message).join(' ')}`,
        refused,
      );
    }
    for (const { issue, now } of checked) await this.settle(importId, issue, keep, now);
    return this.issues(
      importId,
      open.map((i) => i.seq),
    );
  }

  private async lockIssues(importId: string, where: string, value: unknown): Promise<ConflictRow[]> {
    return this.db.tenantRows<ConflictRow>(
      `SELECT i.seq, i.professional_id AS "professionalId", i.site_id AS "siteId", i.field, i.current_value AS "currentValue", i.imported_value AS "importedValue", i.resolution
       FROM directory_import_issues i WHERE i.tenant_id = $1 AND i.import_id = $2 AND i.kind = 'conflict' AND ${where} ORDER BY i.seq FOR UPDATE`,
      [requireTenantId(), importId, value],
    );
  }

  private async lockPerson(professionalId: string): Promise<void> {
    const [person] = await this.db.tenantRows<{ merged: boolean }>(
      `SELECT merged_into IS NOT NULL AS merged FROM professionals WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), professionalId],
    );
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    // A record merged since the report is no one's to correct: the kept record is where the choice is made.
    // (An erased person's reported values are deleted with them: GdprService, MergesPersonData.)
    if (person.merged) throw AppError.conflict("Cette fiche a été fusionnée avec une autre depuis l'import : ouvrez la fiche conservée pour choisir.");
  }

  private async fieldNow(issue: ConflictRow): Promise<FieldNow> {
    if (!(IMPORTED_FIELDS as readonly string[]).includes(issue.field)) throw new Error(`unexpected conflict field ${issue.field}`);
    const tenantId = requireTenantId();
    if (isSiteField(issue.field) && issue.siteId) {
      const [site] = await this.db.tenantRows<{ value: string | null; latest: string | null; current: boolean; name: string }>(
        `SELECT s.${SITE_COLUMN[issue.field]} AS value, s.imported ->> $4 AS latest, s.retired_at IS NULL AS current, concat_ws(', ', s.structure_name, c.name) AS name
         FROM professional_sites s JOIN communes c ON c.insee_code = s.commune_code
         WHERE s.tenant_id = $1 AND s.id = $2 AND s.professional_id = $3 FOR UPDATE OF s`,
        [tenantId, issue.siteId, issue.professionalId, issue.field],
      );
      const label = `${FIELD_LABELS[issue.field]}${site?.name ? ` (${site.name})` : ''}`;
      return { value: site?.value ?? null, latest: site?.latest ?? null, gone: !site?.current, label };
    }
    const column = PERSON_COLUMN[issue.field as PersonField];
    const [person] = await this.db.tenantRows<{ value: string | null; latest: string | null }>(
      `SELECT ${column} AS value, imported ->> $3 AS latest FROM professionals WHERE tenant_id = $1 AND id = $2`,
      [tenantId, issue.professionalId, issue.field],
    );
    return { value: person.value, latest: person.latest, gone: false, label: FIELD_LABELS[issue.field] };
  }

  /** Why this choice cannot be applied to this field now, if it cannot. */
  private async refusal(issue: ConflictRow, keep: ConflictChoice, now: FieldNow): Promise<AppError | null> {
    if (keep !== ConflictChoice.IMPORTED) return null;
    if (now.gone) return AppError.conflict(`Ce lieu d'exercice n'est plus d'actualité pour ${now.label} : ouvrez la fiche pour choisir.`);
    // Only the last import's value: an older report's would be taken by the next import for a hand edit, and kept for ever.
    if (now.latest !== issue.importedValue) return AppError.conflict(`Un import plus récent indique une autre valeur pour ${now.label} : traitez l'écart de son rapport.`);
    if (now.value !== issue.currentValue) return AppError.conflict(`Le champ ${now.label} a été modifié depuis l'import : ouvrez la fiche pour choisir.`);
    // The extraction's value, checked again where the rules may have changed since the import (territory, professions).
    const value = issue.importedValue;
    if ((issue.field === 'lastName' || issue.field === 'firstName') && !value) return AppError.badInput('Le nom et le prénom ne peuvent pas être vides.');
    if (issue.field === 'communeCode') {
      const [ok] = await this.db.tenantRows(`SELECT 1 FROM tenants WHERE id = $1 AND $2 = ANY (commune_codes)`, [requireTenantId(), value]);
      if (!ok) return AppError.badInput("Cette commune n'est plus sur le territoire de la CPTS.");
    }
    if (issue.field === 'professionCode') {
      const [ok] = await this.db.tenantRows(`SELECT 1 FROM professions WHERE code = $1`, [value]);
      if (!ok) return AppError.badInput('Profession inconnue de la plateforme.');
    }
    return null;
  }

  private async settle(importId: string, issue: ConflictRow, keep: ConflictChoice, now: FieldNow): Promise<void> {
    const tenantId = requireTenantId();
    const userId = requirePrincipal().userId;
    if (keep === ConflictChoice.IMPORTED) {
      await this.applyImported(tenantId, userId, issue);
      await this.history.record(issue.professionalId, 'import.conflict_resolved', `Valeur de l'Annuaire Santé appliquée pour ${now.label} : ${quoted(issue.importedValue)} (au lieu de ${quoted(issue.currentValue)}).`, {
        importId,
        field: issue.field,
        siteId: issue.siteId,
        kept: 'imported',
      });
    } else {
      await this.history.record(issue.professionalId, 'import.conflict_resolved', `Valeur saisie à la main confirmée pour ${now.label} : ${quoted(issue.currentValue)} (l'Annuaire Santé indique ${quoted(issue.importedValue)}).`, {
        importId,
        field: issue.field,
        siteId: issue.siteId,
        kept: 'current',
      });
    }
    await this.db.tenantRows(
      `UPDATE directory_import_issues SET resolution = $4, resolved_at = now(), resolved_by = $5 WHERE tenant_id = $1 AND import_id = $2 AND seq = $3`,
      [tenantId, importId, issue.seq, keep, userId],
    );
  }

  /** The field now equals the last import's value: the next import updates it again as an unedited field. */
  private async applyImported(tenantId: string, userId: string, issue: ConflictRow): Promise<void> {
    if (isSiteField(issue.field) && issue.siteId) {
      // The trigger copies a main site's values onto the person (ProfessionalSites1795401700000).
      await this.db.tenantRows(`UPDATE professional_sites SET ${SITE_COLUMN[issue.field]} = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
        tenantId,
        issue.siteId,
        issue.importedValue,
      ]);
      await this.db.tenantRows(`UPDATE professionals SET updated_at = now(), updated_by = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, issue.professionalId, userId]);
      return;
    }
    const [row] = await this.db.tenantRows<{ last: string; first: string }>(
      `UPDATE professionals SET ${PERSON_COLUMN[issue.field as PersonField]} = $3, updated_at = now(), updated_by = $4 WHERE tenant_id = $1 AND id = $2
       RETURNING last_name AS last, first_name AS first`,
      [tenantId, issue.professionalId, issue.importedValue, userId],
    );
    if (issue.field === 'lastName' || issue.field === 'firstName') {
      await this.db.tenantRows(`UPDATE professionals SET search_name = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, issue.professionalId, searchKey(`${row.last} ${row.first}`)]);
    }
  }

  private issues(importId: string, seqs: number[]): Promise<DirectoryImportIssue[]> {
    return this.db.tenantRows<DirectoryImportIssue>(
      `SELECT ${ISSUE_COLUMNS} FROM directory_import_issues i ${ISSUE_JOINS} WHERE i.tenant_id = $1 AND i.import_id = $2 AND i.seq = ANY($3::int[]) ORDER BY i.seq`,
      [requireTenantId(), importId, seqs],
    );
  }
}
