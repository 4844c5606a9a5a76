import { ACI_MISSION_LABELS, AciMission } from '@cpts/platform-reference';
import { FicheIndicator, FicheStatus } from './fiche.types';

export const STATUS_FR: Record<FicheStatus, string> = {
  [FicheStatus.PLANNED]: 'Prévue',
  [FicheStatus.IN_PROGRESS]: 'En cours',
  [FicheStatus.DONE]: 'Réalisée',
  [FicheStatus.ABANDONED]: 'Abandonnée',
};

export const missionLabel = (m: AciMission | null) => (m ? ACI_MISSION_LABELS[m] : 'Hors mission ACI');
/** "2026-03-04" → "04/03/2026". */
export const frDay = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');
export const period = (from: string | null, to: string | null) =>
  from && to && from !== to ? `du ${frDay(from)} au ${frDay(to)}` : frDay(from ?? to);

/** A number the French way with a plain space as thousands separator (the PDF's standard fonts have no narrow no-break space). */
export function frNumber(value: number | null): string {
  if (value === null) return '—';
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 }).format(value).replace(/[\u202f\u00a0]/g, ' ');
}

export const withUnit = (value: number | null, unit: string | null) =>
  value === null ? '—' : `${frNumber(value)}${unit ? ` ${unit}` : ''}`;
export const metLabel = (i: FicheIndicator) => (i.met === null ? '—' : i.met ? 'Atteint' : 'Non atteint');
