import { ROLE_LABELS_FR, Role } from '@cpts/platform-core';
import { renderEmail, RenderedEmail, SECRET_PLACEHOLDER } from '@cpts/platform-mail';

const dateFr = (d: Date) => d.toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

export function invitationEmail(params: {
  appUrl: string;
  inviterName: string | null;
  role: Role;
  /** The CPTS or the regional network the person is invited to. */
  organisationName: string;
  expiresAt: Date;
}): RenderedEmail {
  const role = ROLE_LABELS_FR[params.role].toLowerCase();
  const who = params.inviterName ? `${params.inviterName} vous invite` : 'Vous êtes invité·e';
  return renderEmail({
    subject: `Invitation : ${params.organisationName}`,
    preheader: `${who} à rejoindre ${params.organisationName} sur la plateforme.`,
    title: `Rejoignez ${params.organisationName}`,
    paragraphs: [
      `${who} à rejoindre ${params.organisationName} sur la plateforme des CPTS, avec le rôle ${role}.`,
      'Pour accepter, choisissez votre mot de passe en suivant le lien ci-dessous.',
    ],
    action: { label: "Accepter l'invitation", url: `${params.appUrl}/invitation#${SECRET_PLACEHOLDER}` },
    footer: [
      `Ce lien est personnel et valable jusqu'au ${dateFr(params.expiresAt)}. Il ne peut servir qu'une fois.`,
      "Vous recevez ce message parce qu'une personne de l'équipe vous a invité·e. Si vous ne vous y attendiez pas, ignorez-le.",
    ],
  });
}

export function passwordResetEmail(params: { appUrl: string; expiresAt: Date }): RenderedEmail {
  return renderEmail({
    subject: 'Réinitialisation de votre mot de passe',
    preheader: 'Choisissez un nouveau mot de passe pour la plateforme des CPTS.',
    title: 'Nouveau mot de passe',
    paragraphs: [
      'Une demande de réinitialisation du mot de passe de votre compte a été faite.',
      'Pour choisir un nouveau mot de passe, suivez le lien ci-dessous.',
    ],
    action: { label: 'Choisir un nouveau mot de passe', url: `${params.appUrl}/mot-de-passe/nouveau#${SECRET_PLACEHOLDER}` },
    footer: [
      `Ce lien est valable une heure (jusqu'à ${params.expiresAt.toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' })}) et ne sert qu'une fois.`,
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.",
    ],
  });
}
