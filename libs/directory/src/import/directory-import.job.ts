/** Payload of a `directory-import` job (its id is the import's): the import row holds the rest (file, status, progress). */
export interface DirectoryImportJob {
  tenantId: string;
  importId: string;
}

declare module '@cpts/platform-queue' {
  interface JobPayloads {
    'directory-import': DirectoryImportJob;
  }
}
