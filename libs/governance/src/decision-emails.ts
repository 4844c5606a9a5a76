import { renderEmail, RenderedEmail } from '@cpts/platform-mail';
import type { Result } from './statutes';

const WHEN = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const EUR = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** "mardi 8 décembre 2026 à 18:00" (Europe/Paris). */
export const parisWhen = (at: Date) => WHEN.format(at);
export const euros = (cents: number) => EUR.format(cents / 100);

export const OUTCOME_LABELS_FR: Record<string, string> = { adopted: 'adoptée', rejected: 'rejetée', no_quorum: 'sans quorum' };

export interface DecisionSummary {
  title: string;
  question: string;
  context: string;
  instanceName: string;
  amountCents: number | null;
  deadline: Date;
  cptsName: string;
  options: string[];
}

/** The context, cut for an email: the whole file is one tap away. */
function excerpt(text: string, max = 600): string[] {
  const t = text.trim();
  if (!t) return [];
  return [t.length > max ? `${t.slice(0, max).trimEnd()}…` : t];
}

/**
 * The email that puts a decision to a voter: the summary and one tap per
 * answer, each opening the vote page with that answer chosen (the vote is
 * recorded when the person confirms there, never by opening the link).
 * `voteUrl(choice)` carries the secret placeholder for the voter's token.
 */
export function decisionEmail(
  kind: 'opening' | 'reminder',
  d: DecisionSummary,
  voteUrl: (choice?: 'pour' | 'contre' | 'abstention') => string,
): RenderedEmail {
  const lead =
    kind === 'opening'
      ? `Consultation écrite de l'instance « ${d.instanceName} » (${d.cptsName}) : « ${d.question} »`
      : `Vous n'avez pas encore voté sur « ${d.title} » : le vote se termine ${parisWhen(d.deadline)}.`;
  const labels: Array<[string, 'pour' | 'contre' | 'abstention', string]> = [
    ['for', 'pour', 'Pour'],
    ['against', 'contre', 'Contre'],
    ['abstain', 'abstention', 'Abstention'],
  ];
  return renderEmail({
    subject: kind === 'opening' ? `Vote : ${d.title}` : `Rappel, vote avant ${parisWhen(d.deadline)} : ${d.title}`,
    preheader: lead,
    title: d.title,
    paragraphs: [
      lead,
      ...(kind === 'reminder' ? [`La question : « ${d.question} »`] : []),
      ...(d.amountCents !== null ? [`Montant : ${euros(d.amountCents)}.`] : []),
      ...excerpt(d.context),
      `Réponse attendue ${parisWhen(d.deadline)} au plus tard. Touchez votre réponse, puis confirmez-la sur la page qui s'ouvre.`,
    ],
    choices: labels.filter(([code]) => d.options.includes(code)).map(([, param, label]) => ({ label, url: voteUrl(param) })),
    action: { label: 'Lire le dossier et commenter', url: voteUrl() },
    footer: [
      `Vous recevez ce message parce que vous siégez dans l'instance « ${d.instanceName} » (${d.cptsName}). Ce lien est personnel : ne le transférez pas.`,
      "Vous pouvez changer votre vote jusqu'à la clôture, déclarer un conflit d'intérêts ou donner pouvoir depuis la même page.",
    ],
  });
}

/** The outcome, to every voter and to the team. */
export function outcomeEmail(d: {
  title: string;
  question: string;
  instanceName: string;
  cptsName: string;
  registerNumber: string;
  result: Result;
  url: string;
}): RenderedEmail {
  const t = d.result.tally;
  const outcome = OUTCOME_LABELS_FR[d.result.outcome];
  const counts = `Pour : ${t.for}, contre : ${t.against}, abstentions : ${t.abstain} ; ${t.participating} votant·e·s sur ${t.eligible}${t.byProxy ? ` (dont ${t.byProxy} par pouvoir)` : ''}, quorum ${t.quorumMet ? 'atteint' : 'non atteint'} (${t.quorumNeeded} requis).`;
  return renderEmail({
    subject: `Décision ${d.registerNumber} ${outcome} : ${d.title}`,
    preheader: `« ${d.title} » est ${outcome}.`,
    title: `${d.title} : ${outcome}`,
    paragraphs: [
      `La consultation de l'instance « ${d.instanceName} » sur « ${d.question} » est close : la décision est ${outcome}.`,
      counts,
      ...d.result.colleges.map(
        (c) =>
          `Collège ${c.college} : ${OUTCOME_LABELS_FR[c.outcome]} (pour ${c.tally.for}, contre ${c.tally.against}, abstentions ${c.tally.abstain}).`,
      ),
      ...(d.result.outcome === 'no_quorum'
        ? ["Faute de quorum, l'équipe peut la soumettre une seconde fois, comme les statuts le permettent."]
        : []),
      `Elle est inscrite au registre des décisions sous le numéro ${d.registerNumber}.`,
    ],
    action: { label: 'Voir la décision', url: d.url },
    footer: [`Vous recevez ce message parce que vous avez été consulté·e, ou que vous faites partie de l'équipe de ${d.cptsName}.`],
  });
}

/** A mandate's end, to the coordinators, 90 and 30 days before. */
export function mandateEndEmail(p: {
  personName: string;
  office: string;
  instanceName: string;
  endsOn: string;
  daysLeft: number;
  cptsName: string;
  url: string;
}): RenderedEmail {
  return renderEmail({
    subject: `Fin de mandat dans ${p.daysLeft} jours : ${p.personName} (${p.instanceName})`,
    preheader: `Le mandat de ${p.personName} se termine le ${p.endsOn}.`,
    title: 'Un mandat arrive à son terme',
    paragraphs: [
      `Le mandat de ${p.personName} (${p.office}, instance « ${p.instanceName} ») se termine le ${p.endsOn}, dans ${p.daysLeft} jours.`,
      "Pensez à prévoir son renouvellement ou son remplacement (élection à l'assemblée générale, cooptation) : la page de l'instance montre les sièges à pourvoir.",
    ],
    action: { label: "Voir l'instance", url: p.url },
    footer: [`Vous recevez ce message parce que vous coordonnez ${p.cptsName}.`],
  });
}
