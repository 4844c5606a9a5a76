import { ConsentPurposeValue } from './contact-basis';

export interface ConsentWordingEntry {
  /** purpose.YYYY-MM: the month the sentence was first shown. */
  version: string;
  purpose: ConsentPurposeValue;
  /** The exact sentence shown to the person (form, paper form, import source). */
  text: string;
}

/**
 * The sentences people consent to. Immutable and versioned: a proof points at
 * a version, so changing a sentence means adding a new version here, never
 * editing one that has been shown. The last version of a purpose is the
 * current one (the one forms show).
 */
export const CONSENT_WORDINGS: readonly Readonly<ConsentWordingEntry>[] = Object.freeze(
  [
    {
      version: 'pro_newsletter.2026-11',
      purpose: 'pro_newsletter',
      text: "J'accepte de recevoir la lettre d'information professionnelle de la CPTS (une à deux par mois) à l'adresse indiquée. Je peux me désinscrire à tout moment, d'un clic, depuis chaque lettre.",
    },
    {
      version: 'public_newsletter.2026-11',
      purpose: 'public_newsletter',
      text: "J'accepte de recevoir la lettre d'information de la CPTS destinée au grand public (prévention, actions de santé du territoire). Je peux me désinscrire à tout moment, d'un clic, depuis chaque lettre.",
    },
    {
      version: 'event_invitations.2026-11',
      purpose: 'event_invitations',
      text: "J'accepte de recevoir les invitations de la CPTS à ses réunions, formations et événements. Je peux me désinscrire à tout moment, d'un clic, depuis chaque invitation.",
    },
    {
      version: 'public_listing.2026-11',
      purpose: 'public_listing',
      text: "J'accepte que mon nom, ma profession, ma commune, ma structure d'exercice, mon téléphone professionnel et les étiquettes de la CPTS me concernant figurent sur la page publique de l'annuaire de la CPTS. Je peux retirer mon accord à tout moment : je disparais alors aussitôt de la page.",
    },
  ].map((w) => Object.freeze(w as ConsentWordingEntry)),
);

export function findWording(version: string): ConsentWordingEntry | undefined {
  return CONSENT_WORDINGS.find((w) => w.version === version);
}

/** The version forms show today for a purpose. */
export function currentWording(purpose: ConsentPurposeValue): ConsentWordingEntry {
  const versions = CONSENT_WORDINGS.filter((w) => w.purpose === purpose);
  return versions[versions.length - 1];
}

/** French names of the purposes and methods, for history lines and the readable export. */
export const PURPOSE_LABELS: Record<ConsentPurposeValue, string> = {
  pro_newsletter: 'Lettre professionnelle',
  public_newsletter: 'Lettre grand public',
  event_invitations: 'Invitations aux événements',
  public_listing: "Page publique de l'annuaire",
};

export const METHOD_LABELS: Record<string, string> = {
  form: 'formulaire',
  import: 'import',
  paper: 'papier',
  request: 'demande de la personne',
  unsubscribe_link: 'lien de désinscription',
};
