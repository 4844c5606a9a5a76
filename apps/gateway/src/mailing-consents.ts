import { Injectable } from '@nestjs/common';
import { AppError } from '@cpts/platform-core';
import { ConsentMethod, ConsentPurpose, ConsentsService, currentWording, PURPOSE_LABELS } from '@cpts/directory';
import { MAILED_PURPOSES, MailedPurpose, MailingConsents, PurposeStanding } from '@cpts/mailing';

/**
 * The mailing module's consents port, on the directory's ConsentsService:
 * every choice made from a campaign message becomes a consent event with its
 * proof (method, wording version) and a line in the person's history.
 */
@Injectable()
export class DirectoryMailingConsents extends MailingConsents {
  constructor(private readonly consents: ConsentsService) {
    super();
  }

  async standing(professionalId: string): Promise<PurposeStanding[]> {
    const all = await this.consents.forPerson(professionalId);
    return MAILED_PURPOSES.map((purpose) => {
      const c = all.find((x) => x.purpose === (purpose as string))!;
      const wording = currentWording(purpose);
      return { purpose, status: c.status, allowed: c.allowed, basis: c.basis, wording: { version: wording.version, text: wording.text } };
    });
  }

  async withdraw(professionalId: string, purpose: MailedPurpose, note: string | null): Promise<void> {
    await this.consents.withdraw({ professionalId, purpose: purpose as ConsentPurpose, method: ConsentMethod.UNSUBSCRIBE_LINK, note });
  }

  async give(professionalId: string, purpose: MailedPurpose, wordingVersion: string, note: string | null): Promise<void> {
    // The person agrees to the sentence the page showed: it must be today's (a proof never points at another).
    if (wordingVersion !== currentWording(purpose).version) {
      throw AppError.field('wordingVersion', `Le texte de « ${PURPOSE_LABELS[purpose]} » a changé : rechargez la page pour lire le nouveau.`);
    }
    await this.consents.give({ professionalId, purpose: purpose as ConsentPurpose, method: ConsentMethod.FORM, wordingVersion, note });
  }
}
