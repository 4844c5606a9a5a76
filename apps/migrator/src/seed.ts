import { randomUUID } from 'node:crypto';
import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { withRppsCheckDigit } from '@cpts/directory';
import { hashPassword } from '@cpts/platform-identity';
import { searchKey } from '@cpts/platform-core';
import { FIRST_NAMES, LAST_NAMES } from './names';

/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same data. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    weighted: <T>(items: ReadonlyArray<readonly [T, number]>) => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r <= 0) return item;
      }
      return items[items.length - 1][0];
    },
  };
}

/** Roughly how the professionals of a CPTS territory split by profession (RPPS code, weight). */
const PROFESSION_MIX = [
  ['60', 30], ['10', 20], ['70', 14], ['21', 9], ['40', 7], ['91', 5], ['50', 3], ['80', 3], ['93', 4], ['95', 2], ['92', 1], ['94', 1], ['96', 1],
] as const;

const STRUCTURES: Record<string, (commune: string) => string> = {
  '60': (c) => `Cabinet infirmier de ${c}`,
  '10': (c) => `Maison de santé pluriprofessionnelle de ${c}`,
  '70': (c) => `Cabinet de kinésithérapie de ${c}`,
  '21': (c) => `Pharmacie de ${c}`,
  '40': (c) => `Cabinet dentaire de ${c}`,
  '91': (c) => `Cabinet d'orthophonie de ${c}`,
  '50': (c) => `Cabinet de sage-femme de ${c}`,
};

export interface Territory {
  communes: Array<{ code: string; name: string; population: number }>;
}

export interface GeneratedProfessional {
  id: string;
  lastName: string;
  firstName: string;
  professionCode: string;
  rpps: string | null;
  communeCode: string;
  structureName: string | null;
  email: string | null;
  phone: string | null;
}

/** `count` plausible professionals of a territory, spread over its communes by population. */
export function generateProfessionals(territory: Territory, count: number, seed: number): GeneratedProfessional[] {
  const r = prng(seed);
  const communes = territory.communes.map((c) => [c, Math.max(c.population, 50)] as const);
  const out: GeneratedProfessional[] = [];
  for (let i = 0; i < count; i++) {
    const lastName = r.pick(LAST_NAMES);
    const firstName = r.pick(FIRST_NAMES);
    const professionCode = r.weighted(PROFESSION_MIX);
    const commune = r.weighted(communes);
    const structure = STRUCTURES[professionCode] && r.next() < 0.7 ? STRUCTURES[professionCode](commune.name) : null;
    const handle = searchKey(`${firstName} ${lastName}`).replace(/ /g, '.');
    out.push({
      id: randomUUID(),
      lastName,
      firstName,
      professionCode,
      // Salaried staff of some structures have no RPPS number in sign-up sheets.
      rpps: r.next() < 0.9 ? withRppsCheckDigit(`10${String(seed % 1000).padStart(3, '0')}${String(i).padStart(5, '0')}`) : null,
      communeCode: commune.code,
      structureName: structure,
      email: r.next() < 0.8 ? `${handle}${r.int(90) + 10}@exemple-sante.fr` : null,
      phone: r.next() < 0.85 ? `05 ${String(r.int(90) + 10)} ${String(r.int(90) + 10)} ${String(r.int(90) + 10)} ${String(r.int(90) + 10)}` : null,
    });
  }
  return out;
}

/** Inserts professionals of one CPTS in one statement, through its tenant transaction (RLS applies). */
export async function insertProfessionals(db: Db, tenantId: string, professionals: GeneratedProfessional[]): Promise<void> {
  await db.run({ tenantId, label: 'seed-professionals' }, async () => {
    await db.tenantRows(
      `INSERT INTO professionals (tenant_id, id, last_name, first_name, search_name, profession_code, rpps, commune_code, structure_name, email, phone)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])`,
      [
        tenantId,
        professionals.map((p) => p.id),
        professionals.map((p) => p.lastName),
        professionals.map((p) => p.firstName),
        professionals.map((p) => searchKey(`${p.lastName} ${p.firstName}`)),
        professionals.map((p) => p.professionCode),
        professionals.map((p) => p.rpps),
        professionals.map((p) => p.communeCode),
        professionals.map((p) => p.structureName),
        professionals.map((p) => p.email),
        professionals.map((p) => p.phone),
      ],
    );
  });
}

export interface SeedUser {
  email: string;
  displayName: string;
  roles: Array<{ role: Role; tenantId?: string; regionId?: string }>;
}

/** Creates (or completes) a user with a password and roles. */
export async function upsertUser(db: Db, user: SeedUser, passwordHash: string): Promise<string> {
  return db.run({ tenantId: null, label: 'seed-user' }, async () => {
    const [row] = await db.rows<{ id: string }>(
      `INSERT INTO users (id, email, display_name, password_hash, last_tenant_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO UPDATE SET display_name = EXCLUDED.display_name RETURNING id`,
      [randomUUID(), user.email, user.displayName, passwordHash, user.roles.find((r) => r.tenantId)?.tenantId ?? null],
    );
    for (const r of user.roles) {
      await db.rows(
        `INSERT INTO role_assignments (id, user_id, role, tenant_id, region_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [randomUUID(), row.id, r.role, r.tenantId ?? null, r.regionId ?? null],
      );
    }
    return row.id;
  });
}

export { hashPassword };
