import { Db } from '@cpts/platform-db';
import { parisYear, readFigures } from '@cpts/region';
import type { SnapshotIndicators } from '@cpts/region';

/** The counts a synthesised year scales (the figures of CptsYearFigures that are numbers of things). */
const COUNTS = [
  'professionals',
  'members',
  'workingGroups',
  'meetingsHeld',
  'participants',
  'actionItemsDone',
  'actionItemsOverdue',
  'decisionsOpen',
  'decisionsClosed',
  'decisionsWithoutQuorum',
  'mandatesEndingSoon',
  'proActifProjects',
  'proActifCommittedCents',
  'proActifPaidCents',
  'mailingsSent',
  'mailingRecipients',
] as const;

/** A plausible earlier year of a CPTS, from this year's figures: fewer members and meetings, the same shape. */
function earlier(current: SnapshotIndicators, year: number, factor: number): SnapshotIndicators {
  const scaled = { ...current, year } as SnapshotIndicators & Record<string, unknown>;
  for (const key of COUNTS) scaled[key] = Math.round((current[key] as number) * factor);
  // The territory moves slowly: its professionals barely.
  scaled.professionals = Math.round(current.professionals * (0.97 + factor * 0.03));
  scaled.membersByProfession = current.membersByProfession
    .map((p) => ({ ...p, count: Math.round(p.count * factor) }))
    .filter((p) => p.count > 0);
  scaled.participantsByMission = current.participantsByMission
    .map((m) => ({ ...m, count: Math.round(m.count * factor) }))
    .filter((m) => m.count > 0);
  scaled.clickRate = current.clickRate === null ? null : Math.min(1, current.clickRate * (0.85 + factor * 0.1));
  scaled.lastActivityAt = current.lastActivityAt ? new Date(`${year}-12-${10 + Math.round(factor * 8)}T10:00:00Z`) : null;
  return scaled;
}

/**
 * The observatory's demo: each CPTS of the region gets this year's snapshot
 * (its real demo figures, read in its own transaction as the year-end pass
 * does) and two earlier year_end snapshots synthesised from them, all marked
 * demo (the observatory says so), so the trends show on first start.
 */
export async function seedRegion(db: Db, regionId: string): Promise<void> {
  const year = parisYear();
  const tenants = await db.run({ tenantId: null, label: 'seed-region-snapshots' }, () =>
    db.rows<{ id: string; name: string; departementCodes: string[] }>(
      `SELECT id, name, departement_codes AS "departementCodes" FROM tenants WHERE region_id = $1 ORDER BY name`,
      [regionId],
    ),
  );
  const labels = new Map(
    (
      await db.run({ tenantId: null, label: 'seed-region-snapshots' }, () =>
        db.rows<{ code: string; label: string }>(`SELECT code, label_plural AS label FROM professions`),
      )
    ).map((p) => [p.code, p.label]),
  );
  const rows: Array<{ tenant_id: string; year: number; kind: string; indicators: SnapshotIndicators }> = [];
  for (const [i, t] of tenants.entries()) {
    const figures = await db.run({ tenantId: t.id, label: 'seed-region-snapshots' }, async () =>
      readFigures(await db.tenantManager(), [t.id], [year], (code) => labels.get(code) ?? code),
    );
    const current: SnapshotIndicators = { ...figures.get(t.id)!.get(year)!, name: t.name, departementCodes: t.departementCodes };
    rows.push({ tenant_id: t.id, year, kind: 'on_demand', indicators: current });
    rows.push({ tenant_id: t.id, year: year - 1, kind: 'year_end', indicators: earlier(current, year - 1, 0.85 - (i % 3) * 0.05) });
    rows.push({ tenant_id: t.id, year: year - 2, kind: 'year_end', indicators: earlier(current, year - 2, 0.7 - (i % 3) * 0.05) });
  }
  await db.run({ tenantId: null, regionId, label: 'seed-region-snapshots' }, () =>
    db.regionRows(
      `INSERT INTO region_snapshots (region_id, id, tenant_id, year, kind, taken_at, demo, indicators)
       SELECT $1, gen_random_uuid(), x.tenant_id, x.year, x.kind,
              CASE WHEN x.kind = 'year_end' THEN make_timestamptz(x.year + 1, 1, 1, 6, 0, 0, 'Europe/Paris') ELSE now() END, true, x.indicators
         FROM jsonb_to_recordset($2::jsonb) AS x (tenant_id uuid, year int, kind text, indicators jsonb)
       ON CONFLICT (region_id, tenant_id, year) WHERE kind = 'year_end' DO NOTHING`,
      [regionId, JSON.stringify(rows)],
    ),
  );
}
