import { renderEmail, RenderedEmail, SECRET_PLACEHOLDER } from '@cpts/platform-mail';
import { SurveyLinks } from './survey-links';

export const INVITATION_KIND = 'survey_invitation';

export interface SurveyEmailFacts {
  cptsName: string;
  cptsSlug: string;
  title: string;
  intro: string;
  anonymous: boolean;
  closesAt: Date;
}

const parisDay = (d: Date) =>
  new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: 'numeric', month: 'long', year: 'numeric' }).format(d);

/**
 * The invitation or the reminder, in the platform's email layout, signed by
 * the CPTS. The personal link is SECRET_PLACEHOLDER here: the outbox keeps
 * each recipient's token encrypted and puts it in at send time.
 */
export function surveyEmail(kind: 'invitation' | 'reminder', f: SurveyEmailFacts, links: SurveyLinks): RenderedEmail {
  const lead =
    kind === 'invitation'
      ? `${f.cptsName} vous invite à répondre à l'enquête « ${f.title} ».`
      : `Vous n'avez pas encore répondu à l'enquête « ${f.title} » de ${f.cptsName} : votre avis compte.`;
  return renderEmail({
    subject: kind === 'invitation' ? `Enquête : ${f.title}` : `Rappel — enquête : ${f.title}`,
    preheader: lead,
    title: f.title,
    paragraphs: [
      lead,
      ...(kind === 'invitation' && f.intro ? [f.intro] : []),
      f.anonymous ? 'Vos réponses sont anonymes.' : 'Vos réponses sont nominatives.',
      `Vous pouvez répondre jusqu'au ${parisDay(f.closesAt)}.`,
    ],
    action: { label: 'Répondre à l’enquête', url: links.answerUrl(f.cptsSlug, SECRET_PLACEHOLDER) },
    footer: [
      `Vous recevez ce message de la part de ${f.cptsName}.`,
      'Ce lien est personnel : il permet de répondre une fois, sans mot de passe. Ne le transférez pas.',
    ],
  });
}
