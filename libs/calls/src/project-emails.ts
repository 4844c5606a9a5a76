import { renderEmail, RenderedEmail } from '@cpts/platform-mail';

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' });
/** "31 mars 2026" from a 'YYYY-MM-DD' date. */
export const frDay = (isoDate: string) => DAY.format(new Date(`${isoDate}T12:00:00Z`));

export type ProposerEmailKind = 'link' | 'changes_requested' | 'team_comment' | 'draft_reminder' | 'outcome';

export interface ProposerEmailFacts {
  cptsName: string;
  callTitle: string;
  projectTitle: string;
  closesOn: string;
  /** The proposer's page, with the secret placeholder for their token. */
  url: string;
  /** The team's note or comment; the outcome's sentence. */
  text?: string;
  /** For a reminder: days left before the closing day. */
  daysLeft?: number;
}

/** The emails to a proposer: each carries a fresh magic link, the only way back to their project. */
export function proposerEmail(kind: ProposerEmailKind, f: ProposerEmailFacts): RenderedEmail {
  const about = `« ${f.projectTitle} » (${f.callTitle}, ${f.cptsName})`;
  const content: Record<ProposerEmailKind, { subject: string; lead: string; more: string[]; action: string }> = {
    link: {
      subject: `Votre projet : ${f.projectTitle}`,
      lead: `Voici le lien de votre projet ${about}. Il vous permet d'y revenir à tout moment : le brouillon s'enregistre au fil de la saisie.`,
      more: [`Les projets se déposent jusqu'au ${frDay(f.closesOn)} inclus.`],
      action: 'Ouvrir mon projet',
    },
    changes_requested: {
      subject: `Modifications demandées : ${f.projectTitle}`,
      lead: `L'équipe de la CPTS vous demande de compléter votre projet ${about} avant de le présenter au bureau.`,
      more: [...(f.text ? [`Son message : « ${f.text} »`] : []), 'Le formulaire est rouvert : modifiez-le puis soumettez-le à nouveau.'],
      action: 'Modifier mon projet',
    },
    team_comment: {
      subject: `Un message de l'équipe sur votre projet : ${f.projectTitle}`,
      lead: `L'équipe de la CPTS vous a écrit au sujet de votre projet ${about}.`,
      more: f.text ? [`« ${f.text} »`] : [],
      action: 'Lire et répondre',
    },
    draft_reminder: {
      subject: `Plus que ${f.daysLeft} jour${(f.daysLeft ?? 0) > 1 ? 's' : ''} pour déposer : ${f.projectTitle}`,
      lead: `Votre projet ${about} est encore un brouillon : il n'a pas été déposé.`,
      more: [`L'appel ferme le ${frDay(f.closesOn)} à minuit. Après, plus aucun dépôt n'est possible.`],
      action: 'Terminer et déposer',
    },
    outcome: {
      subject: `Décision du bureau : ${f.projectTitle}`,
      lead: f.text ?? '',
      more: [],
      action: 'Voir mon projet',
    },
  };
  const c = content[kind];
  return renderEmail({
    subject: c.subject,
    preheader: c.lead,
    title: f.projectTitle,
    paragraphs: [c.lead, ...c.more],
    action: { label: c.action, url: f.url },
    footer: [
      `Vous recevez ce message parce que vous avez proposé un projet à l'appel « ${f.callTitle} » de ${f.cptsName}.`,
      'Ce lien est personnel : il donne accès à votre projet sans mot de passe. Ne le transférez pas.',
    ],
  });
}
