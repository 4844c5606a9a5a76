import { AppError } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';

/** An import not over yet; a CPTS has at most one (the unique index directory_imports_one_active). */
export const ACTIVE_IMPORT_STATUSES = ['uploading', 'queued', 'running'];

/** The last import done of an extraction newer than the one being uploaded. */
export interface NewerImport {
  extractedAt: Date;
  importedAt: Date;
}

const DAY_FORMAT = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
/** "1er novembre 2026", "15 décembre 2026": a Paris day as French writes it. */
const DAY = { format: (d: Date) => DAY_FORMAT.format(d).replace(/^1 /, '1er ') };
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "extraction du 1er novembre 2026 plus ancienne que celle du 1er décembre 2026 importée le 2 décembre 2026" (Paris days). */
export function olderExtractionSummary(extractedAt: Date, newer: NewerImport): string {
  return `extraction du ${DAY.format(extractedAt)} plus ancienne que celle du ${DAY.format(newer.extractedAt)} importée le ${DAY.format(newer.importedAt)}`;
}

/** Why an upload of an older extraction waits for the staff's confirmation (field `confirmOlder`). */
export function olderExtractionRefusal(extractedAt: Date, newer: NewerImport): AppError {
  const summary = olderExtractionSummary(extractedAt, newer);
  return AppError.field(
    'confirmOlder',
    `${summary.charAt(0).toUpperCase()}${summary.slice(1)} : l'importer ramènerait les fiches à ses valeurs, plus anciennes. Confirmez pour l'importer quand même.`,
  );
}

/**
 * What an extraction must pass before its upload starts: no other import of
 * the CPTS under way (two would fight over the same rows, and the second
 * could not be compared with the first), and, when it is older than the last
 * one imported, the staff's confirmation (it would take every field the staff
 * did not edit back to older values). Queries run in the caller's tenant
 * transaction.
 */
export class ImportAdmission {
  constructor(private readonly db: Db) {}

  /** CONFLICT, with the import under way, while the CPTS has one. */
  async assertNoneActive(tenantId: string): Promise<void> {
    const [active] = await this.db.tenantRows<{ fileName: string; createdAt: Date }>(
      `SELECT file_name AS "fileName", created_at AS "createdAt" FROM directory_imports WHERE tenant_id = $1 AND status = ANY($2::text[])`,
      [tenantId, ACTIVE_IMPORT_STATUSES],
    );
    if (active) throw importUnderWay(active);
  }

  /** The last import done of an extraction newer than `extractedAt`, if any (none when the file name gives no date). */
  async newerImport(tenantId: string, extractedAt: Date | null): Promise<NewerImport | null> {
    if (!extractedAt) return null;
    const [newer] = await this.db.tenantRows<NewerImport>(
      `SELECT extracted_at AS "extractedAt", finished_at AS "importedAt" FROM directory_imports
       WHERE tenant_id = $1 AND status = 'done' AND extracted_at > $2 ORDER BY extracted_at DESC LIMIT 1`,
      [tenantId, extractedAt],
    );
    return newer ?? null;
  }
}

/** The refusal when an import is under way; without its details when two uploads raced for the same slot. */
export function importUnderWay(active?: { fileName: string; createdAt: Date }): AppError {
  const which = active ? ` (« ${active.fileName} », commencé le ${DAY.format(active.createdAt)} à ${TIME.format(active.createdAt)})` : '';
  return AppError.conflict(
    `Un import de l'Annuaire Santé est déjà en cours pour cette CPTS${which} : attendez qu'il se termine avant d'en lancer un autre.`,
  );
}
