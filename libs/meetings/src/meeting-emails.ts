import { renderEmail, RenderedEmail } from '@cpts/platform-mail';
import { CalendarMeeting, meetingCalendar } from './meeting-calendar';

export type MeetingEmailKind = 'invitation' | 'update' | 'cancellation' | 'reminder';

const DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "jeudi 10 décembre 2026, de 18:30 à 20:00" (Europe/Paris). */
export function meetingWhen(startsAt: Date, endsAt: Date): string {
  const sameDay = DAY.format(startsAt) === DAY.format(endsAt);
  return sameDay
    ? `${DAY.format(startsAt)}, de ${TIME.format(startsAt)} à ${TIME.format(endsAt)}`
    : `du ${DAY.format(startsAt)} ${TIME.format(startsAt)} au ${DAY.format(endsAt)} ${TIME.format(endsAt)}`;
}

export interface MeetingEmailParams {
  kind: MeetingEmailKind;
  meeting: CalendarMeeting & { agenda: Array<{ title: string; durationMinutes: number | null; presenter: string | null }> };
  cptsName: string;
  /** The invitee's reply page and the event's file (with the secret placeholder for the token). */
  replyUrl: string;
  calendarUrl: string;
  organizer: { name: string; email: string };
}

const SUBJECTS: Record<MeetingEmailKind, (title: string) => string> = {
  invitation: (t) => `Invitation : ${t}`,
  update: (t) => `Réunion modifiée : ${t}`,
  cancellation: (t) => `Réunion annulée : ${t}`,
  reminder: (t) => `Rappel : ${t}`,
};

/**
 * The emails of a meeting to one invitee: the invitation, a change (new
 * time or place), the cancellation, the reminders. Each carries the group's
 * frame, and the invitation, its change and the cancellation carry the event
 * for calendars (the same UID; SEQUENCE up at each change).
 */
export function meetingEmail(p: MeetingEmailParams): RenderedEmail {
  const m = p.meeting;
  const when = meetingWhen(m.startsAt, m.endsAt);
  const where = [m.place ? `Lieu : ${m.place}.` : '', m.videoUrl ? `Visioconférence : ${m.videoUrl}` : ''].filter(Boolean);
  const agenda = m.agenda.length
    ? [
        `Ordre du jour : ${m.agenda.map((a, i) => `${i + 1}. ${a.title}${a.durationMinutes ? ` (${a.durationMinutes} min)` : ''}${a.presenter ? `, ${a.presenter}` : ''}`).join(' ; ')}.`,
      ]
    : [];
  const frame = m.frame ? [`Le cadre du groupe : ${m.frame}`] : [];
  const lead: Record<MeetingEmailKind, string> = {
    invitation: `${m.ownerName} vous invite à la réunion « ${m.title} », ${when}.`,
    update: `La réunion « ${m.title} » de ${m.ownerName} a changé : elle aura lieu ${when}.`,
    cancellation: `La réunion « ${m.title} » de ${m.ownerName}, prévue ${when}, est annulée.`,
    reminder: `Rappel : la réunion « ${m.title} » de ${m.ownerName} a lieu ${when}.`,
  };
  const cancelled = p.kind === 'cancellation';
  const email = renderEmail({
    subject: SUBJECTS[p.kind](m.title),
    preheader: lead[p.kind],
    title: m.title,
    paragraphs: cancelled ? [lead[p.kind]] : [lead[p.kind], ...where, ...agenda, ...frame],
    action: cancelled ? undefined : { label: 'Répondre : présent·e, absent·e ou excusé·e', url: p.replyUrl },
    footer: [
      ...(cancelled ? [] : [`Ajouter à votre agenda : ${p.calendarUrl}`]),
      `Vous recevez ce message parce que vous êtes invité·e à cette réunion par ${p.cptsName}. Ce lien de réponse est personnel.`,
    ],
  });
  return p.kind === 'reminder' ? email : { ...email, calendar: meetingCalendar({ ...m, cancelled }, p.organizer) };
}

export interface PollEmailParams {
  kind: 'invitation' | 'reminder';
  poll: { title: string; ownerName: string; frame: string; slots: Array<{ startsAt: Date; endsAt: Date }> };
  cptsName: string;
  /** The invitee's answer page (with the secret placeholder for the token). */
  answerUrl: string;
}

/** A scheduling poll's email: which of these slots suit you (answered from the link, no account needed). */
export function pollEmail(p: PollEmailParams): RenderedEmail {
  const lead =
    p.kind === 'invitation'
      ? `${p.poll.ownerName} cherche une date pour la réunion « ${p.poll.title} » : dites quels créneaux vous conviennent.`
      : `Vous n'avez pas encore dit quels créneaux vous conviennent pour la réunion « ${p.poll.title} » de ${p.poll.ownerName}.`;
  return renderEmail({
    subject: p.kind === 'invitation' ? `Quelle date pour « ${p.poll.title} » ?` : `Relance : quelle date pour « ${p.poll.title} » ?`,
    preheader: lead,
    title: p.poll.title,
    paragraphs: [
      lead,
      `Créneaux proposés : ${p.poll.slots.map((s) => meetingWhen(s.startsAt, s.endsAt)).join(' ; ')}.`,
      ...(p.poll.frame ? [`Le cadre du groupe : ${p.poll.frame}`] : []),
    ],
    action: { label: 'Donner mes disponibilités', url: p.answerUrl },
    footer: [
      `Vous recevez ce message parce que ${p.cptsName} vous demande vos disponibilités. Ce lien est personnel ; vous pouvez changer vos réponses jusqu'à la clôture du sondage.`,
    ],
  });
}

/** Sanitized rich text as the paragraphs of an email (tags dropped, entities read, one paragraph per block or line). */
export function htmlParagraphs(html: string): string[] {
  const text = html
    .replace(/<\s*(br|\/p|\/li|\/h[23])\s*\/?>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The minutes of a meeting, to every member of its owner, present or not. */
export function minutesEmail(p: {
  title: string;
  ownerName: string;
  startsAt: Date;
  endsAt: Date;
  minutesHtml: string;
  decisions: string[];
  cptsName: string;
}): RenderedEmail {
  const lead = `Le compte rendu de la réunion « ${p.title} » de ${p.ownerName}, ${meetingWhen(p.startsAt, p.endsAt)}.`;
  return renderEmail({
    subject: `Compte rendu : ${p.title}`,
    preheader: lead,
    title: `Compte rendu : ${p.title}`,
    paragraphs: [
      lead,
      ...htmlParagraphs(p.minutesHtml),
      ...(p.decisions.length ? [`Décisions : ${p.decisions.map((d, i) => `${i + 1}. ${d}`).join(' ; ')}`] : []),
    ],
    footer: [
      `Vous recevez ce compte rendu parce que vous faites partie de ${p.ownerName} (${p.cptsName}), que vous ayez été présent·e ou non.`,
    ],
  });
}

/** The reminder of an action item to the person who carries it: two days before its due date, then the day after if still open. */
export function actionItemEmail(p: {
  kind: 'due' | 'overdue';
  title: string;
  ownerName: string;
  dueOn: string;
  cptsName: string;
  doneUrl: string;
}): RenderedEmail {
  const due = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(`${p.dueOn}T00:00:00Z`),
  );
  const lead =
    p.kind === 'due'
      ? `L'action « ${p.title} » (${p.ownerName}) arrive à échéance le ${due}.`
      : `L'action « ${p.title} » (${p.ownerName}) devait être faite le ${due}.`;
  return renderEmail({
    subject: p.kind === 'due' ? `Échéance proche : ${p.title}` : `Action en retard : ${p.title}`,
    preheader: lead,
    title: p.title,
    paragraphs: [lead, 'Si elle est faite, dites-le en un clic : le groupe le verra.'],
    action: { label: "C'est fait", url: p.doneUrl },
    footer: [`Vous recevez ce message parce que cette action vous est confiée par ${p.cptsName}. Ce lien est personnel.`],
  });
}
