import path from 'node:path';

/**
 * Where an uploaded extraction waits for its import job: one file per import
 * under UPLOAD_DIR, shared by the gateway (writes) and the workers (read, then
 * delete). Both ids are uuids checked by the caller, so no path escapes.
 */
export function importFilePath(uploadDir: string, tenantId: string, importId: string): string {
  return path.join(uploadDir, 'directory-imports', tenantId, `${importId}.upload`);
}
