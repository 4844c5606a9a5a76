import path from 'node:path';

/**
 * Where an uploaded extraction waits for its import job: one file per import
 * under UPLOAD_DIR, shared by the gateway (writes) and the workers (read, then
 * delete). The gateway writes `<id>.part` and renames it `<id>.upload` once
 * the whole body has arrived; only then is the import's job queued. Both ids
 * are uuids checked by the caller, so no path escapes.
 */
export function importFilePath(uploadDir: string, tenantId: string, importId: string): string {
  return path.join(uploadDir, 'directory-imports', tenantId, `${importId}.upload`);
}

/** The file while its upload is still arriving. */
export function importPartPath(uploadDir: string, tenantId: string, importId: string): string {
  return path.join(uploadDir, 'directory-imports', tenantId, `${importId}.part`);
}

export const UPLOAD_INTERRUPTED_MESSAGE = "L'envoi du fichier a été interrompu avant la fin : déposez-le à nouveau.";

/**
 * An upload from which nothing has arrived for this long is given up (the
 * gateway receiving it died, or the client went silent): the worker's
 * periodic pass fails its import and deletes the part.
 */
export const UPLOAD_STALL_MS = 5 * 60_000;
