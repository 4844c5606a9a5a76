import { ACI_MISSION_LABELS, AciMission } from '@cpts/platform-reference';
import type { CptsYearFigures } from '../figures/figures.types';
import type { RegionOverview } from './overview.types';

/** A column of the exported table: its French header and its value in a year's figures. */
interface FigureColumn {
  header: string;
  value: (f: CptsYearFigures) => number | null;
  whole: boolean;
}

const euros = (cents: number) => Math.round(cents) / 100;

export const FIGURE_COLUMNS: FigureColumn[] = [
  { header: 'Professionnels du territoire', value: (f) => f.professionals, whole: true },
  { header: 'Adhérents', value: (f) => f.members, whole: true },
  { header: 'Groupes de travail actifs', value: (f) => f.workingGroups, whole: true },
  { header: 'Réunions tenues', value: (f) => f.meetingsHeld, whole: true },
  { header: 'Participants', value: (f) => f.participants, whole: true },
  { header: 'Actions faites', value: (f) => f.actionItemsDone, whole: true },
  { header: 'Actions en retard', value: (f) => f.actionItemsOverdue, whole: true },
  { header: 'Décisions ouvertes', value: (f) => f.decisionsOpen, whole: true },
  { header: 'Décisions closes', value: (f) => f.decisionsClosed, whole: true },
  { header: 'Décisions closes sans quorum', value: (f) => f.decisionsWithoutQuorum, whole: true },
  { header: 'Mandats finissant sous 90 jours', value: (f) => f.mandatesEndingSoon, whole: true },
  { header: 'Projets Pro Actif', value: (f) => f.proActifProjects, whole: true },
  { header: 'Pro Actif engagé (€)', value: (f) => euros(f.proActifCommittedCents), whole: false },
  { header: 'Pro Actif payé (€)', value: (f) => euros(f.proActifPaidCents), whole: false },
  { header: 'Envois', value: (f) => f.mailingsSent, whole: true },
  { header: 'Taux de clic (%)', value: (f) => (f.clickRate === null ? null : Math.round(f.clickRate * 1000) / 10), whole: false },
];

const LEVELS: Record<string, string> = { ok: 'à jour', watch: 'à surveiller', alert: 'alerte' };

/** The overview as a table (CSV and XLSX alike): one line per CPTS, each figure this year then last year. */
export function overviewTable(overview: RegionOverview): {
  columns: Array<{ header: string; whole: boolean }>;
  rows: Array<Array<string | number | null>>;
} {
  const y = overview.year;
  const columns = [
    { header: 'CPTS', whole: false },
    { header: 'Départements', whole: false },
    ...FIGURE_COLUMNS.flatMap((c) => [
      { header: `${c.header} ${y}`, whole: c.whole },
      { header: `${c.header} ${y - 1}`, whole: c.whole },
    ]),
    { header: 'Membres par profession', whole: false },
    { header: 'Participants par mission', whole: false },
    { header: 'Dernière activité', whole: false },
    { header: 'Gouvernance', whole: false },
    { header: 'Constats', whole: false },
  ];
  const rows = overview.rows.map((r) => [
    r.name,
    r.departementCodes.join(', '),
    ...FIGURE_COLUMNS.flatMap((c) => [c.value(r.current), c.value(r.previous)]),
    r.current.membersByProfession.map((p) => `${p.label} : ${p.count}`).join(' ; '),
    r.current.participantsByMission.map((m) => `${ACI_MISSION_LABELS[m.mission as AciMission]} : ${m.count}`).join(' ; '),
    r.current.lastActivityAt ? r.current.lastActivityAt.toISOString().slice(0, 10) : null,
    LEVELS[r.health.level],
    r.health.signals.map((s) => s.text).join(' ; '),
  ]);
  return { columns, rows };
}
