/** An import report's issue as the GraphQL type DirectoryImportIssue reads it (FROM directory_import_issues i ${ISSUE_JOINS}). */
export const ISSUE_COLUMNS = `i.seq, i.kind, i.line, i.reason, i.professional_id AS "professionalId", p.first_name || ' ' || p.last_name AS "professionalName",
  i.site_id AS "siteId", nullif(concat_ws(', ', s.structure_name, c.name), '') AS "siteName",
  i.field, i.current_value AS "currentValue", i.imported_value AS "importedValue", i.resolution, i.resolved_at AS "resolvedAt"`;

export const ISSUE_JOINS = `LEFT JOIN professionals p ON p.tenant_id = i.tenant_id AND p.id = i.professional_id
  LEFT JOIN professional_sites s ON s.tenant_id = i.tenant_id AND s.id = i.site_id
  LEFT JOIN communes c ON c.insee_code = s.commune_code`;
