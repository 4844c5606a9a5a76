/**
 * Region-owned tables, each with what it holds: rows of a region, not of a
 * CPTS (enableRegionRls in tenant-schema.ts). The catalog check applies the
 * region rules to these and the tenant rules to every table in neither this
 * list nor SHARED_TABLES, so adding a region table means listing it here.
 * None yet: the shared library, survey templates and regional figures come
 * with the regional layer.
 */
export const REGION_TABLES: Record<string, string> = {
  resources: "the regional library's resources (libs/resources)",
  resource_versions: "the resources' immutable versions and their structured content (libs/resources)",
  resource_files: "the files of each resource version (libs/resources)",
  region_snapshots: "the observatory: each CPTS's figures at a year's end or on demand, never changed (libs/region)",
};
