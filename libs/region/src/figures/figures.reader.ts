import type { EntityManager } from 'typeorm';
import { AciMission } from '@cpts/platform-reference';
import type { CptsYearFigures } from './figures.types';
import { FIGURES_SQL } from './figures.sql';

interface FigureRow {
  tenant_id: string;
  y: number;
  k: string;
  sub: string | null;
  v: number;
}

/** A year's figures with nothing counted: a CPTS without any row of a kind gets zeros. */
export function emptyFigures(year: number): CptsYearFigures {
  return {
    year,
    professionals: 0,
    members: 0,
    membersByProfession: [],
    workingGroups: 0,
    meetingsHeld: 0,
    participants: 0,
    participantsByMission: [],
    actionItemsDone: 0,
    actionItemsOverdue: 0,
    decisionsOpen: 0,
    decisionsClosed: 0,
    decisionsWithoutQuorum: 0,
    mandatesEndingSoon: 0,
    proActifProjects: 0,
    proActifCommittedCents: 0,
    proActifPaidCents: 0,
    mailingsSent: 0,
    mailingRecipients: 0,
    clickRate: null,
    lastActivityAt: null,
  };
}

const SCALARS: Record<string, keyof CptsYearFigures> = {
  professionals: 'professionals',
  working_groups: 'workingGroups',
  meetings: 'meetingsHeld',
  participants: 'participants',
  actions_done: 'actionItemsDone',
  actions_overdue: 'actionItemsOverdue',
  decisions_open: 'decisionsOpen',
  decisions_closed: 'decisionsClosed',
  mandates_ending: 'mandatesEndingSoon',
  pro_actif_projects: 'proActifProjects',
  pro_actif_committed: 'proActifCommittedCents',
  pro_actif_paid: 'proActifPaidCents',
  mailings: 'mailingsSent',
  mailing_sent: 'mailingRecipients',
};

/**
 * Reads FIGURES_SQL in the transaction given (the regional path's, or a
 * CPTS's own for the worker's year-end snapshot) and shapes it: a map
 * tenant → year → figures, every tenant and year present.
 */
export async function readFigures(
  manager: EntityManager,
  tenantIds: readonly string[],
  years: readonly number[],
  professionLabel: (code: string) => string,
): Promise<Map<string, Map<number, CptsYearFigures>>> {
  const result = new Map<string, Map<number, CptsYearFigures>>();
  for (const id of tenantIds) result.set(id, new Map(years.map((y) => [y, emptyFigures(y)])));
  if (tenantIds.length === 0 || years.length === 0) return result;
  const rows: FigureRow[] = await manager.query(FIGURES_SQL, [tenantIds, years]);
  const clickers = new Map<CptsYearFigures, number>();
  for (const row of rows) {
    const f = result.get(row.tenant_id)?.get(row.y);
    if (!f) continue;
    const field = SCALARS[row.k];
    if (field) {
      (f as unknown as Record<string, number>)[field] = Number(row.v);
    } else if (row.k === 'members') {
      f.members += Number(row.v);
      f.membersByProfession.push({
        code: row.sub ?? '',
        label: row.sub ? professionLabel(row.sub) : 'Profession non renseignée',
        count: Number(row.v),
      });
    } else if (row.k === 'decisions_no_quorum') {
      f.decisionsWithoutQuorum = Number(row.v);
    } else if (row.k === 'mission_participants' && row.sub) {
      f.participantsByMission.push({ mission: row.sub as AciMission, count: Number(row.v) });
    } else if (row.k === 'mailing_clickers') {
      clickers.set(f, Number(row.v));
    } else if (row.k === 'last_activity' && row.v !== null) {
      f.lastActivityAt = new Date(Number(row.v) * 1000);
    }
  }
  for (const years of result.values()) {
    for (const f of years.values()) {
      // The register counts every closure; "closed" includes those without quorum.
      f.decisionsClosed += f.decisionsWithoutQuorum;
      f.clickRate = f.mailingRecipients > 0 ? (clickers.get(f) ?? 0) / f.mailingRecipients : null;
      f.membersByProfession.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'fr'));
      f.participantsByMission.sort((a, b) => b.count - a.count || a.mission.localeCompare(b.mission));
    }
  }
  return result;
}
