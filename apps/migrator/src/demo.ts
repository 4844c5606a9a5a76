import { randomUUID } from 'node:crypto';
import { proposeSlug, Role } from '@cpts/platform-core';
import { currentWording } from '@cpts/directory';
import { loadEnv, MailEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { FREE_SLUG_SQL } from '@cpts/platform-identity';
import { planCallsDemo, seedCalls } from './demo-calls';
import { seedGovernance } from './demo-governance';
import { seedRegion } from './demo-region';
import { seedResources } from './demo-resources';
import { seedEvaluation } from './demo-evaluation';
import { seedSurveys } from './demo-surveys';
import { seedWorkingGroups } from './demo-working-groups';
import { generateProfessionals, hashPassword, insertProfessionals, upsertUser } from './seed';

export const DEMO_PASSWORD = 'demo-cpts-2026';

/** The size class of a CPTS (ACI) by the population of its territory. */
export function sizeForPopulation(population: number): number {
  if (population < 40_000) return 1;
  if (population < 80_000) return 2;
  if (population < 175_000) return 3;
  return 4;
}

/** Demo CPTS: real territories (the communes of one intercommunality each). */
const DEMO_CPTS = [
  { key: 'perigueux', name: 'CPTS du Grand Périgueux', epci: '200040392', contact: 'contact@cpts-grand-perigueux.fr' },
  { key: 'brive', name: 'CPTS du Bassin de Brive', epci: '200043172', contact: 'contact@cpts-bassin-brive.fr' },
  { key: 'tulle', name: 'CPTS Tulle et Cœur de Corrèze', epci: '241927201', contact: 'contact@cpts-tulle.fr' },
  { key: 'gueret', name: 'CPTS du Grand Guéret', epci: '200034825', contact: 'contact@cpts-grand-gueret.fr' },
  { key: 'arcachon', name: "CPTS du Bassin d'Arcachon Sud", epci: '243300563', contact: 'contact@cpts-arcachon-sud.fr' },
  { key: 'pau', name: 'CPTS Pau Béarn', epci: '200067254', contact: 'contact@cpts-pau-bearn.fr' },
] as const;

export interface DemoLogin {
  email: string;
  role: string;
}

export async function ensureRegion(db: Db): Promise<string> {
  return db.run({ tenantId: null, label: 'seed-region' }, async () => {
    const [row] = await db.rows<{ id: string }>(
      `INSERT INTO regions (id, name, network_name, insee_region_code) VALUES ($1, 'Nouvelle-Aquitaine', 'Agora Lib''', '75')
       ON CONFLICT (insee_region_code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [randomUUID()],
    );
    return row.id;
  });
}

/** Creates a CPTS over the communes of an intercommunality (EPCI); returns its id. */
export async function createCptsForEpci(db: Db, regionId: string, name: string, epci: string, contactEmail: string): Promise<string> {
  return db.run({ tenantId: null, label: 'seed-cpts' }, async () => {
    const communes = await db.rows<{ insee_code: string; departement_code: string; population: number }>(
      `SELECT insee_code, departement_code, population FROM communes WHERE epci_code = $1 ORDER BY insee_code`,
      [epci],
    );
    if (communes.length === 0) throw new Error(`no commune for EPCI ${epci}`);
    const population = communes.reduce((s, c) => s + c.population, 0);
    const id = randomUUID();
    const [{ slug }] = await db.rows<{ slug: string }>(FREE_SLUG_SQL, [proposeSlug(name), id]);
    await db.rows(`INSERT INTO tenant_slugs (slug, tenant_id) VALUES ($1, $2)`, [slug, id]);
    await db.rows(
      `INSERT INTO tenants (id, region_id, name, slug, size, departement_codes, commune_codes, inhabitants, contact_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        regionId,
        name,
        slug,
        sizeForPopulation(population),
        [...new Set(communes.map((c) => c.departement_code))],
        communes.map((c) => c.insee_code),
        population,
        contactEmail,
      ],
    );
    return id;
  });
}

async function territory(db: Db, tenantId: string) {
  return db.run({ tenantId: null, label: 'seed-territory' }, () =>
    db.rows<{ code: string; name: string; population: number }>(
      `SELECT c.insee_code AS code, c.name, c.population FROM tenants t JOIN communes c ON c.insee_code = ANY (t.commune_codes) WHERE t.id = $1`,
      [tenantId],
    ),
  );
}

/**
 * Demo data for `npm start`: the Nouvelle-Aquitaine region, six CPTS on real
 * territories with generated professionals, and one person per role. Does
 * nothing when the demo CPTS already exist. `mail` (LINK_SECRET, APP_URL):
 * the governance demo's open decision has its opening emails in the outbox,
 * with vote links the gateway must accept, so it is read before anything is
 * written.
 */
export async function seedDemo(db: Db, mail: MailEnv = loadEnv(MailEnv)): Promise<DemoLogin[] | null> {
  const regionId = await ensureRegion(db);
  const existing = await db.run({ tenantId: null }, () => db.rows(`SELECT 1 FROM tenants WHERE region_id = $1 LIMIT 1`, [regionId]));
  if (existing.length > 0) return null;

  const ids: Record<string, string> = {};
  for (const [i, cpts] of DEMO_CPTS.entries()) {
    ids[cpts.key] = await createCptsForEpci(db, regionId, cpts.name, cpts.epci, cpts.contact);
    const communes = await territory(db, ids[cpts.key]);
    const population = communes.reduce((s, c) => s + c.population, 0);
    const count = Math.min(900, Math.max(80, Math.round(population / 300)));
    await insertProfessionals(db, ids[cpts.key], generateProfessionals({ communes }, count, 1000 + i));
  }

  await seedMembersAndConsents(db, ids.perigueux);

  const hash = await hashPassword(DEMO_PASSWORD);
  const people = [
    { email: 'admin@demo.cpts.fr', displayName: 'Alex Admin', roles: [{ role: Role.PLATFORM_ADMIN }], label: 'administrateur de la plateforme' },
    { email: 'region@demo.cpts.fr', displayName: 'Hélène Garnier', roles: [{ role: Role.REGION_ADMIN, regionId }], label: "administratrice régionale (Agora Lib')" },
    {
      email: 'mission@demo.cpts.fr',
      displayName: 'Julien Lacoste',
      roles: [{ role: Role.MISSION_OFFICER, regionId }],
      label: 'chargé de mission 19 et 24 (Périgueux, Brive, Tulle)',
    },
    {
      email: 'coordination@demo.cpts.fr',
      displayName: 'Claire Dubois',
      roles: [
        { role: Role.COORDINATOR, tenantId: ids.perigueux },
        { role: Role.BOARD_MEMBER, tenantId: ids.brive },
      ],
      label: 'coordinatrice du Grand Périgueux, membre du bureau à Brive',
    },
    { email: 'equipe@demo.cpts.fr', displayName: 'Thomas Roux', roles: [{ role: Role.STAFF, tenantId: ids.perigueux }], label: 'équipe salariée, Grand Périgueux' },
    {
      email: 'bureau@demo.cpts.fr',
      displayName: 'Dr Marie Laborde',
      roles: [{ role: Role.BOARD_MEMBER, tenantId: ids.perigueux }],
      label: 'présidente du bureau, Grand Périgueux (une décision à voter : mails sur le visualiseur)',
    },
    { email: 'adherent@demo.cpts.fr', displayName: 'Sophie Mercier', roles: [{ role: Role.MEMBER, tenantId: ids.perigueux }], label: 'adhérente, Grand Périgueux' },
    { email: 'coordination.brive@demo.cpts.fr', displayName: 'Nicolas Fabre', roles: [{ role: Role.COORDINATOR, tenantId: ids.brive }], label: 'coordinateur du Bassin de Brive' },
  ];
  const userIds: Record<string, string> = {};
  for (const person of people) userIds[person.email] = await upsertUser(db, person, hash);
  await db.run({ tenantId: null, label: 'seed-assignments' }, async () => {
    for (const key of ['perigueux', 'brive', 'tulle']) {
      await db.rows(`INSERT INTO mission_officer_tenants (user_id, tenant_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [userIds['mission@demo.cpts.fr'], ids[key]]);
    }
  });
  await seedWorkingGroups(db, ids.perigueux, userIds['adherent@demo.cpts.fr'], userIds['equipe@demo.cpts.fr']);
  const governanceUsers = {
    board: { id: userIds['bureau@demo.cpts.fr'], email: 'bureau@demo.cpts.fr' },
    coordinatorId: userIds['coordination@demo.cpts.fr'],
    staffId: userIds['equipe@demo.cpts.fr'],
  };
  // The calls' bureau votes are numbered in the register with the governance demo's, in the order they closed.
  const calls = planCallsDemo();
  const places = await seedGovernance(db, ids.perigueux, mail, governanceUsers, calls.bureauCloses);
  await seedCalls(db, ids.perigueux, mail, governanceUsers, calls, places);
  await seedResources(db, regionId, ids.perigueux, userIds['region@demo.cpts.fr'], userIds['coordination@demo.cpts.fr']);
  await seedSurveys(db, ids.perigueux, userIds['coordination@demo.cpts.fr']);
  await seedEvaluation(db, ids.perigueux, userIds['coordination@demo.cpts.fr']);
  await seedRegion(db, regionId);
  return people.map((p) => ({ email: p.email, role: p.label }));
}

/**
 * The Grand Périgueux's members and consents, so the demo's memberships,
 * consents, person pages and public directory page have something to show:
 * last year's members (about a third of the directory, most of them
 * renewed this year), consents on paper or by form, two labels the CPTS
 * defines, and the people who agreed to be shown on the public page.
 * Deterministic: a hash of each professional's id decides.
 */
async function seedMembersAndConsents(db: Db, tenantId: string): Promise<void> {
  const year = new Date().getFullYear();
  await db.run({ tenantId, label: 'seed-members' }, async () => {
    const people = await db.tenantRows<{ id: string; n: number }>(
      `SELECT id, abs(hashtext(id::text)) % 100 AS n FROM professionals WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY id`,
      [tenantId],
    );
    const pick = (from: number, to: number) => people.filter((p) => p.n >= from && p.n < to).map((p) => p.id);
    const lastYear = pick(0, 35);
    const renewed = pick(0, 25);
    const pending = pick(25, 35);
    await db.tenantRows(`INSERT INTO membership_years (tenant_id, year, default_fee_cents) VALUES ($1, $2, 2000), ($1, $2 + 1, 2000)`, [tenantId, year - 1]);
    const memberships = (ids: string[], y: number, status: string, paid: boolean) =>
      db.tenantRows(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college)
         SELECT $1, gen_random_uuid(), id, $3, $4, 2000, CASE WHEN $5 THEN make_date($3, 2, 1) END, CASE WHEN $5 THEN 'transfer' END, 'liberal' FROM unnest($2::uuid[]) AS id`,
        [tenantId, ids, y, status, paid],
      );
    await memberships(lastYear, year - 1, 'active', true);
    await memberships(renewed, year, 'active', true);
    await memberships(pending, year, 'pending', false);
    await db.tenantRows(
      `INSERT INTO involvements (tenant_id, professional_id, source, level) SELECT $1, id, 'membership', 'member' FROM unnest($2::uuid[]) AS id`,
      [tenantId, lastYear],
    );
    await db.tenantRows(`UPDATE professionals SET involvement_level = 'member' WHERE tenant_id = $1 AND id = ANY($2)`, [tenantId, lastYear]);

    const consent = async (ids: string[], purpose: 'pro_newsletter' | 'event_invitations' | 'public_listing', method: string) => {
      await db.tenantRows(
        `WITH events AS (
           INSERT INTO consent_events (tenant_id, id, professional_id, purpose, action, method, wording_version)
           SELECT $1, gen_random_uuid(), id, $3, 'given', $4, $5 FROM unnest($2::uuid[]) AS id RETURNING id, professional_id)
         INSERT INTO consents (tenant_id, professional_id, purpose, status, event_id) SELECT $1, professional_id, $3, 'given', id FROM events`,
        [tenantId, ids, purpose, method, currentWording(purpose).version],
      );
    };
    await consent(pick(0, 40), 'pro_newsletter', 'form');
    await consent(pick(10, 30), 'event_invitations', 'paper');
    const listed = pick(0, 15);
    await consent(listed, 'public_listing', 'paper');
    const [tnd, snp] = await db.tenantRows<{ id: string }>(
      `INSERT INTO directory_labels (tenant_id, id, name) VALUES ($1, gen_random_uuid(), 'Formé·e à l''habituation aux soins TND'), ($1, gen_random_uuid(), 'Accueille des soins non programmés') RETURNING id`,
      [tenantId],
    );
    const label = (ids: string[], labelId: string) =>
      db.tenantRows(`INSERT INTO professional_labels (tenant_id, professional_id, label_id) SELECT $1, id, $3 FROM unnest($2::uuid[]) AS id`, [tenantId, ids, labelId]);
    await label(listed.filter((_, i) => i % 3 === 0), tnd.id);
    await label(listed.filter((_, i) => i % 2 === 0), snp.id);
  });
}
