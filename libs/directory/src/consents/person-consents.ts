import { Injectable } from '@nestjs/common';
import { AppError } from '@cpts/platform-core';
import { MAILED_PURPOSES, MailedPurpose, PersonConsents, PurposeStanding } from '@cpts/platform-persons';
import { ConsentMethod, ConsentPurpose } from './consent.types';
import { ConsentsService } from './consents.service';
import { currentWording, PURPOSE_LABELS } from './wordings';

/**
 * The PersonConsents contract on the directory's consents: every choice a
 * person makes from a message (unsubscribe link, preferences page) becomes a
 * consent event with its proof (method, wording version) and a line in the
 * person's history.
 */
@Injectable()
export class DirectoryPersonConsents implements PersonConsents {
  constructor(private readonly consents: ConsentsService) {}

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
      throw AppError.field(
        'wordingVersion',
        `Le texte de « ${PURPOSE_LABELS[purpose]} » a changé : rechargez la page pour lire le nouveau.`,
      );
    }
    await this.consents.give({ professionalId, purpose: purpose as ConsentPurpose, method: ConsentMethod.FORM, wordingVersion, note });
  }
}
