import type { MailEnv } from '@cpts/platform-config';
import { cptsPagePath } from '@cpts/platform-core';
import { bytesUuid, LinkSigner, uuidBytes } from '@cpts/platform-mail';

const KIND = 'survey-answer-v1';
const HOUR_MS = 3_600_000;
/** A link outlives the closing by this much: past the closing it still opens a page saying the survey is closed, rather than "invalid link". */
export const LINK_MARGIN_DAYS = 30;

/** What a recipient's link names: one recipient of one survey of one CPTS, until a time. */
export interface SurveyTarget {
  tenantId: string;
  recipientId: string;
  expired: boolean;
}

/**
 * A recipient's personal link to answer a survey without login. The token
 * carries the CPTS, the recipient row and an expiry hour (closes_at plus
 * LINK_MARGIN_DAYS) under a MAC of its own kind: it cannot be forged, moved
 * to another recipient or CPTS, nor passed off as another kind of link.
 */
export class SurveyLinks {
  private readonly appUrl: string;

  static fromEnv(mail: MailEnv): SurveyLinks {
    return new SurveyLinks(new LinkSigner(mail.LINK_SECRET), mail.APP_URL);
  }

  constructor(
    private readonly signer: LinkSigner,
    appUrl: string,
  ) {
    this.appUrl = appUrl.replace(/\/+$/, '');
  }

  token(tenantId: string, recipientId: string, closesAt: Date): string {
    const expires = Buffer.alloc(4);
    expires.writeUInt32BE(Math.ceil(closesAt.getTime() / HOUR_MS) + LINK_MARGIN_DAYS * 24);
    return this.signer.sign(KIND, Buffer.concat([uuidBytes(tenantId), uuidBytes(recipientId), expires]));
  }

  read(token: string, now = Date.now()): SurveyTarget | null {
    const payload = this.signer.verify(KIND, token);
    if (!payload || payload.length !== 36) return null;
    return {
      tenantId: bytesUuid(payload.subarray(0, 16)),
      recipientId: bytesUuid(payload.subarray(16, 32)),
      expired: payload.readUInt32BE(32) * HOUR_MS <= now,
    };
  }

  /** The answer page, under the CPTS's address: /cpts/<slug>/enquetes/<token>. */
  answerUrl(cptsSlug: string, token: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'enquetes', token)}`;
  }
}
