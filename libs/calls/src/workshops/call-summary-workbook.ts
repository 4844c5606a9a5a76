import { xlsxWorkbook } from '@cpts/platform-core';
import { ACI_MISSION_LABELS } from '@cpts/platform-reference';
import { STATUS_LABELS_FR } from '../projects.service';
import { CallSummary } from './call-summary.types';

/** Euros as a number cell from integer cents: the one division, at the cell (123456 cents: 1234.56). */
const euros = (cents: number) => cents / 100;
const statusLabel = (status: keyof typeof STATUS_LABELS_FR) =>
  STATUS_LABELS_FR[status].charAt(0).toUpperCase() + STATUS_LABELS_FR[status].slice(1);
const day = (iso: string) => iso.split('-').reverse().join('/');

/** The summary as a workbook: Synthèse (the figures), Projets (a line per project), Ateliers (a line per workshop). */
export function callSummaryWorkbook(s: CallSummary): Promise<Buffer> {
  const synthesis: Array<Array<string | number | null>> = [
    ['Appel', `${s.title} (${s.year})`, null, null],
    ['Enveloppe', "Montant de l'enveloppe", null, euros(s.envelope.envelopeCents)],
    ['Enveloppe', 'Engagé (budgets approuvés)', null, euros(s.envelope.committedCents)],
    ['Enveloppe', 'En cours de vote', null, euros(s.envelope.pendingCents)],
    ['Enveloppe', 'Payé', null, euros(s.envelope.paidCents)],
    ['Enveloppe', 'Reste (enveloppe − engagé)', null, euros(s.envelope.remainingCents)],
    ['Projets', 'Tous (budget demandé)', s.projectCount, euros(s.projects.reduce((sum, p) => sum + p.budgetCents, 0))],
    ...s.byStatus.map((b) => ['Projets par statut', statusLabel(b.status), b.projects, euros(b.budgetCents)]),
    ...s.byMission.map((b) => ['Projets par mission (budget approuvé)', ACI_MISSION_LABELS[b.mission], b.projects, euros(b.approvedCents)]),
    ['Ateliers', 'Tenus', s.workshopCount, null],
    ['Participants', 'Tous (intervenants compris)', s.participants, null],
    ['Participants', "Connus de l'annuaire", s.knownParticipants, null],
    ['Professionnels impliqués', 'Porteurs et co-porteurs des projets approuvés', s.professionalCount, null],
    ...s.professionals.map((p) => ['Professionnel impliqué', `${p.name} — ${p.professionLabel}`, p.projects, null]),
  ];
  return xlsxWorkbook([
    {
      name: 'Synthèse',
      columns: [
        { header: 'Rubrique', width: 34 },
        { header: 'Libellé', width: 50 },
        { header: 'Nombre', width: 10, whole: true },
        { header: 'Montant (EUR)', width: 16 },
      ],
      rows: synthesis,
    },
    {
      name: 'Projets',
      columns: [
        { header: 'Numéro', width: 8 },
        { header: 'Titre', width: 40 },
        { header: 'Statut', width: 22 },
        { header: 'Porteur', width: 28 },
        { header: 'Missions', width: 36 },
        { header: 'Budget demandé (EUR)', width: 16 },
        { header: 'Budget approuvé (EUR)', width: 16 },
        { header: 'Payé (EUR)', width: 14 },
        { header: 'Ateliers', width: 10, whole: true },
        { header: 'Participants', width: 12, whole: true },
      ],
      rows: s.projects.map((p) => [
        p.number,
        p.title,
        statusLabel(p.status),
        p.carrier,
        p.missions.map((m) => ACI_MISSION_LABELS[m]).join(', '),
        euros(p.budgetCents),
        p.approvedCents === null ? null : euros(p.approvedCents),
        euros(p.paidCents),
        p.workshops,
        p.participants,
      ]),
    },
    {
      name: 'Ateliers',
      columns: [
        { header: 'Projet', width: 8 },
        { header: 'Titre du projet', width: 36 },
        { header: 'Date', width: 12 },
        { header: 'Durée (minutes)', width: 14, whole: true },
        { header: 'Lieu', width: 28 },
        { header: 'Participants', width: 12, whole: true },
        { header: "Dont connus de l'annuaire", width: 14, whole: true },
        { header: 'Intervenants', width: 36 },
        { header: 'Honoraires (EUR)', width: 16 },
      ],
      rows: s.workshops.map((w) => [
        w.projectNumber,
        w.projectTitle,
        day(w.heldOn),
        w.minutes,
        w.place,
        w.participants,
        w.knownParticipants,
        w.speakers.join(', '),
        euros(w.feesCents),
      ]),
    },
  ]);
}
