import { Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { createCptsForEpci, ensureRegion } from './demo';
import { generateProfessionals, hashPassword, insertProfessionals, upsertUser } from './seed';

export const BENCH_PASSWORD = 'bench-password-2026';

/**
 * Agora Lib' scale for benchmarks: `cptsCount` CPTS (one per intercommunality
 * of Nouvelle-Aquitaine), `perCpts` professionals each, and a coordinator per
 * CPTS (coordination+N@bench.cpts.fr).
 */
export async function seedScale(db: Db, cptsCount: number, perCpts: number): Promise<{ cpts: number; professionals: number }> {
  const regionId = await ensureRegion(db);
  const epcis = await db.run({ tenantId: null }, () =>
    db.rows<{ epci_code: string; epci_name: string }>(
      `SELECT epci_code, min(epci_name) AS epci_name FROM communes
       WHERE epci_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM tenants t WHERE t.commune_codes && ARRAY[communes.insee_code])
       GROUP BY epci_code ORDER BY epci_code LIMIT $1`,
      [cptsCount],
    ),
  );
  if (epcis.length < cptsCount) throw new Error(`only ${epcis.length} free intercommunalities for ${cptsCount} CPTS`);
  const hash = await hashPassword(BENCH_PASSWORD);
  let n = 0;
  for (const epci of epcis) {
    n += 1;
    const name = `CPTS ${epci.epci_name.replace(/^(CA|CC|CU|Métropole)\s+(du |de la |de l'|des |de |d')?/, '')} (${n})`;
    const tenantId = await createCptsForEpci(db, regionId, name, epci.epci_code, `contact+${n}@bench.cpts.fr`);
    const communes = await db.run({ tenantId: null }, () =>
      db.rows<{ code: string; name: string; population: number }>(`SELECT insee_code AS code, name, population FROM communes WHERE epci_code = $1`, [epci.epci_code]),
    );
    await insertProfessionals(db, tenantId, generateProfessionals({ communes }, perCpts, 5000 + n));
    await upsertUser(db, { email: `coordination+${n}@bench.cpts.fr`, displayName: `Coordination ${n}`, roles: [{ role: Role.COORDINATOR, tenantId }] }, hash);
  }
  return { cpts: epcis.length, professionals: epcis.length * perCpts };
}
