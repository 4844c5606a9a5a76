import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableRegionRls, enableTenantRls } from '@cpts/platform-db';

/** The categories of the regional library (GraphQL enum ResourceCategory). */
export const RESOURCE_CATEGORIES = [
  'dashboard_template',
  'risk_matrix',
  'survey_template',
  'communication_kit',
  'reflex_sheet',
  'dialogue_frame',
  'fiche_action_template',
] as const;

/**
 * The shared regional library (docs/resources.md). Region-owned (enableRegionRls):
 * resources, their immutable versions and the versions' files. Tenant-owned
 * (enableTenantRls): each CPTS's adopted copies and its downloads. No foreign
 * key crosses the two sides: a CPTS copy names the region's resource by id, and
 * the region reads usage through the regional path.
 */
export class Resources1795700000000 implements MigrationInterface {
  name = 'Resources1795700000000';

  async up(runner: QueryRunner): Promise<void> {
    const categories = RESOURCE_CATEGORIES.map((c) => `'${c}'`).join(', ');
    await runner.query(`
      CREATE TABLE resources (
        region_id uuid NOT NULL REFERENCES regions (id),
        id uuid NOT NULL,
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        description text NOT NULL DEFAULT '' CHECK (length(description) <= 5000),
        category text NOT NULL CHECK (category IN (${categories})),
        -- searchKey(title + description): accent- and case-insensitive search.
        search_key text NOT NULL,
        current_version int NOT NULL CHECK (current_version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, id)
      )`);
    await runner.query(`CREATE INDEX resources_category_idx ON resources (region_id, category)`);
    await enableRegionRls(runner, 'resources');

    await runner.query(`
      CREATE TABLE resource_versions (
        region_id uuid NOT NULL,
        resource_id uuid NOT NULL,
        version int NOT NULL CHECK (version >= 1),
        -- The title as published in this version (the diff shows a renamed resource).
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        -- A ResourceContent (resource-content.ts), or null for a files-only resource.
        content jsonb NULL,
        -- What changed, for the adopters.
        note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid NULL,
        PRIMARY KEY (region_id, resource_id, version),
        FOREIGN KEY (region_id, resource_id) REFERENCES resources (region_id, id) ON DELETE CASCADE
      )`);
    await enableRegionRls(runner, 'resource_versions');

    await runner.query(`
      CREATE TABLE resource_files (
        region_id uuid NOT NULL,
        resource_id uuid NOT NULL,
        version int NOT NULL,
        -- The stored bytes (DocumentStore folder "region-resources", scoped by region); a new version carries its predecessor's files over by id.
        document_id uuid NOT NULL,
        file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        bytes int NOT NULL CHECK (bytes > 0),
        sha256 text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, resource_id, version, document_id),
        FOREIGN KEY (region_id, resource_id, version) REFERENCES resource_versions (region_id, resource_id, version) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX resource_files_document_idx ON resource_files (region_id, document_id)`);
    await enableRegionRls(runner, 'resource_files');

    await runner.query(`
      CREATE TABLE resource_adoptions (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        region_id uuid NOT NULL,
        resource_id uuid NOT NULL,
        category text NOT NULL CHECK (category IN (${categories})),
        adopted_version int NOT NULL CHECK (adopted_version >= 1),
        -- The CPTS's own copy: adapted freely, never written back to the region.
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        content jsonb NULL,
        adapted boolean NOT NULL DEFAULT false,
        adapted_at timestamptz NULL,
        adapted_by uuid NULL,
        -- The newest version the CPTS chose not to take (the notice stays hidden until a newer one).
        dismissed_version int NULL,
        -- The newest version the digest email already announced.
        notified_version int NULL,
        adopted_at timestamptz NOT NULL DEFAULT now(),
        adopted_by uuid NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE UNIQUE INDEX resource_adoptions_resource_key ON resource_adoptions (tenant_id, resource_id)`);
    await enableTenantRls(runner, 'resource_adoptions');

    await runner.query(`
      CREATE TABLE resource_downloads (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        resource_id uuid NOT NULL,
        version int NOT NULL,
        document_id uuid NOT NULL,
        user_id uuid NULL,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await runner.query(`CREATE INDEX resource_downloads_resource_idx ON resource_downloads (tenant_id, resource_id)`);
    await enableTenantRls(runner, 'resource_downloads');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['resource_downloads', 'resource_adoptions', 'resource_files', 'resource_versions', 'resources']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
