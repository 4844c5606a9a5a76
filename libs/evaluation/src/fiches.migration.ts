import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from '@cpts/platform-db';
import { ACI_MISSIONS } from '@cpts/platform-reference';

export const FICHE_STATUSES = ['planned', 'in_progress', 'done', 'abandoned'] as const;
export const SOURCE_KINDS = ['working_group', 'call_project', 'campaign', 'survey', 'memberships'] as const;
/** What a quantitative indicator's actual may be computed from: a figure of the fiche's linked sources, added up. */
export const COMPUTED_FIGURES = [
  'meetings',
  'attendances',
  'participants',
  'campaigns',
  'recipients',
  'clickers',
  'projects',
  'members',
  'answers',
] as const;

/**
 * The fiches action of the dialogue de gestion (docs/evaluation.md): a
 * fiche per action of the health project and year, its indicators (target
 * and actual, or an assessment), the sources it links (groups, projects,
 * campaigns, surveys, memberships: the evidence is read from them when
 * asked, never copied), the evidence the staff add by hand (text, or a file
 * in the meetings module's document storage), and the review meetings
 * (meetings of the meetings engine, owner kind "fiche_action") with every
 * fiche they review.
 */
export class Evaluation1795720000000 implements MigrationInterface {
  name = 'Evaluation1795720000000';

  async up(runner: QueryRunner): Promise<void> {
    const missions = ACI_MISSIONS.map((m) => `'${m}'`).join(', ');
    const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
    await runner.query(`
      CREATE TABLE fiches_action (
        tenant_id uuid NOT NULL REFERENCES tenants (id),
        id uuid NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 2020 AND 2100),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        objective text NOT NULL DEFAULT '' CHECK (length(objective) <= 5000),
        mission text NULL CHECK (mission IN (${missions})),
        -- The actions, in their order.
        actions text[] NOT NULL DEFAULT '{}' CHECK (cardinality(actions) <= 50),
        -- The responsible: a person of the directory, or a member of the team (a user), or nobody yet.
        responsible_professional_id uuid NULL,
        responsible_user_id uuid NULL,
        starts_on date NULL,
        ends_on date NULL,
        status text NOT NULL DEFAULT 'planned' CHECK (status IN (${list(FICHE_STATUSES)})),
        -- The CPTS's adopted copy of a regional template it was made from, if any.
        template_adoption_id uuid NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on),
        CHECK (responsible_professional_id IS NULL OR responsible_user_id IS NULL)
      )`);
    await runner.query(`CREATE INDEX fiches_action_year_idx ON fiches_action (tenant_id, year)`);
    await enableTenantRls(runner, 'fiches_action');

    await runner.query(`
      CREATE TABLE fiche_indicators (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        fiche_id uuid NOT NULL,
        position int NOT NULL,
        label text NOT NULL CHECK (length(label) BETWEEN 1 AND 500),
        kind text NOT NULL CHECK (kind IN ('quantitative', 'qualitative')),
        unit text NULL CHECK (length(unit) <= 40),
        target numeric NULL,
        -- Entered by hand; ignored when computed_from names a figure of the linked sources.
        actual numeric NULL,
        computed_from text NULL CHECK (computed_from IN (${list(COMPUTED_FIGURES)})),
        assessment text NULL CHECK (length(assessment) <= 5000),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, fiche_id) REFERENCES fiches_action (tenant_id, id) ON DELETE CASCADE,
        CHECK (kind = 'quantitative' OR (target IS NULL AND actual IS NULL AND computed_from IS NULL))
      )`);
    await runner.query(`CREATE UNIQUE INDEX fiche_indicators_position_key ON fiche_indicators (tenant_id, fiche_id, position)`);
    await enableTenantRls(runner, 'fiche_indicators');

    await runner.query(`
      CREATE TABLE fiche_sources (
        tenant_id uuid NOT NULL,
        fiche_id uuid NOT NULL,
        source_kind text NOT NULL CHECK (source_kind IN (${list(SOURCE_KINDS)})),
        -- The group, project, campaign or survey; for the memberships, the CPTS itself (its directory's memberships of the year).
        source_id uuid NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        linked_by uuid NULL,
        PRIMARY KEY (tenant_id, fiche_id, source_kind, source_id),
        FOREIGN KEY (tenant_id, fiche_id) REFERENCES fiches_action (tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRls(runner, 'fiche_sources');

    await runner.query(`
      CREATE TABLE fiche_evidence (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        fiche_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('text', 'file')),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        body text NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
        dated_on date NOT NULL,
        file_name text NULL,
        content_type text NULL,
        bytes bigint NULL,
        sha256 text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, fiche_id) REFERENCES fiches_action (tenant_id, id) ON DELETE CASCADE,
        CHECK ((kind = 'file') = (file_name IS NOT NULL))
      )`);
    await runner.query(`CREATE INDEX fiche_evidence_fiche_idx ON fiche_evidence (tenant_id, fiche_id)`);
    await enableTenantRls(runner, 'fiche_evidence');

    await runner.query(`
      CREATE TABLE fiche_review_meetings (
        tenant_id uuid NOT NULL,
        meeting_id uuid NOT NULL,
        fiche_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, meeting_id, fiche_id),
        FOREIGN KEY (tenant_id, fiche_id) REFERENCES fiches_action (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, meeting_id) REFERENCES meetings (tenant_id, id) ON DELETE CASCADE
      )`);
    await runner.query(`CREATE INDEX fiche_review_meetings_fiche_idx ON fiche_review_meetings (tenant_id, fiche_id)`);
    await enableTenantRls(runner, 'fiche_review_meetings');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['fiche_review_meetings', 'fiche_evidence', 'fiche_sources', 'fiche_indicators', 'fiches_action'])
      await runner.query(`DROP TABLE ${table}`);
  }
}
