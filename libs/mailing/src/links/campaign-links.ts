import { cptsPagePath } from '@cpts/platform-core';
import type { MailEnv } from '@cpts/platform-config';
import { bytesUuid, LinkSigner, uuidBytes } from '@cpts/platform-mail';
import type { RecipientLinks } from '../delivery/campaign-email';

/** What an unsubscribe token names: the delivery it came with (its person, address and purpose follow). */
export interface UnsubscribeTarget {
  tenantId: string;
  deliveryId: string;
}

/** What a click token names: the delivery and the body link clicked. */
export interface ClickTarget extends UnsubscribeTarget {
  index: number;
}

const UNSUBSCRIBE = 'campaign-unsubscribe-v1';
const CLICK = 'campaign-click-v1';
const BOUNCE = 'campaign-bounce-v1';
/**
 * A bounce token's MAC: 64 bits, so that the VERP local part stays within
 * RFC 5321's 64 characters: "+" and 54 characters of token leave 9 for the
 * mailbox's own local part (MAIL_BOUNCE_ADDRESS is checked for it). Forging
 * one means sending ~2^63 emails to the bounce mailbox. Tokens of messages
 * sent before (128-bit MAC, 64 characters) are still read.
 */
const BOUNCE_MAC_BYTES = 8;
const LEGACY_BOUNCE_MAC_BYTES = 16;

/**
 * The signed, login-free addresses of one campaign message: the one-click
 * unsubscribe (List-Unsubscribe), the preferences page linked from the body,
 * and the click-tracking redirect of each body link. Each token carries the
 * tenant and delivery ids (32 bytes) and a MAC: nothing is stored per link,
 * and a token cannot be forged or turned into another kind.
 */
export class CampaignLinks {
  private readonly appUrl: string;

  /** The links of the platform's settings: its secret, its address, and the unsubscribe and bounce mailboxes when set (docs/bounces.md). */
  static fromEnv(mail: MailEnv): CampaignLinks {
    return new CampaignLinks(new LinkSigner(mail.LINK_SECRET), mail.APP_URL, mail.MAIL_UNSUBSCRIBE_ADDRESS ?? null, mail.MAIL_BOUNCE_ADDRESS ?? null);
  }

  constructor(
    private readonly signer: LinkSigner,
    appUrl: string,
    /** The mailbox whose incoming messages unsubscribe (the token in the subject); null: no mailto. */
    private readonly unsubscribeMailbox: string | null,
    /** The bounce mailbox (local@domain): each message's envelope sender is local+TOKEN@domain (VERP); null: no VERP. */
    private readonly bounceMailbox: string | null = null,
  ) {
    this.appUrl = appUrl.replace(/\/+$/, '');
  }

  /**
   * The envelope sender of one message (VERP, docs/bounces.md): a delivery
   * status notification comes back to it, and the signed token in it names
   * the CPTS and the delivery. Null without a bounce mailbox.
   */
  bounceAddress(tenantId: string, deliveryId: string): string | null {
    if (!this.bounceMailbox) return null;
    const at = this.bounceMailbox.lastIndexOf('@');
    const token = this.signer.sign(BOUNCE, Buffer.concat([uuidBytes(tenantId), uuidBytes(deliveryId)]), BOUNCE_MAC_BYTES);
    return `${this.bounceMailbox.slice(0, at)}+${token}${this.bounceMailbox.slice(at)}`;
  }

  /** The delivery a bounce token (the part after "+" of a VERP address) was written for, or null if it is not ours. */
  readBounce(token: string): UnsubscribeTarget | null {
    const payload = this.signer.verify(BOUNCE, token, BOUNCE_MAC_BYTES) ?? this.signer.verify(BOUNCE, token, LEGACY_BOUNCE_MAC_BYTES);
    if (!payload || payload.length !== 32) return null;
    return { tenantId: bytesUuid(payload.subarray(0, 16)), deliveryId: bytesUuid(payload.subarray(16, 32)) };
  }

  /**
   * The addresses of one message, under its CPTS's readable address
   * (`cptsSlug`, docs/bounces.md): no id shows in them, except inside the
   * signed, opaque tokens. A CPTS that changes its address later keeps
   * these working: former addresses redirect, and the one-click POST is
   * honoured at any of them.
   */
  forDelivery(tenantId: string, cptsSlug: string, deliveryId: string): RecipientLinks {
    const ids = Buffer.concat([uuidBytes(tenantId), uuidBytes(deliveryId)]);
    const unsubscribe = this.signer.sign(UNSUBSCRIBE, ids);
    return {
      unsubscribeUrl: `${this.appUrl}/api/public${cptsPagePath(cptsSlug, 'unsubscribe', unsubscribe)}`,
      unsubscribeMailto: this.unsubscribeMailbox ? `mailto:${this.unsubscribeMailbox}?subject=unsubscribe-${unsubscribe}` : null,
      preferencesUrl: `${this.appUrl}${cptsPagePath(cptsSlug, 'preferences', unsubscribe)}`,
      track: (index) => `${this.appUrl}/api/public/c/${this.signer.sign(CLICK, Buffer.concat([ids, indexBytes(index)]))}`,
    };
  }

  /** The delivery an unsubscribe or preferences token was written for, or null if it is not ours. */
  readUnsubscribe(token: string): UnsubscribeTarget | null {
    const payload = this.signer.verify(UNSUBSCRIBE, token);
    if (!payload || payload.length !== 32) return null;
    return { tenantId: bytesUuid(payload.subarray(0, 16)), deliveryId: bytesUuid(payload.subarray(16, 32)) };
  }

  /** The delivery and link a click token was written for, or null if it is not ours. */
  readClick(token: string): ClickTarget | null {
    const payload = this.signer.verify(CLICK, token);
    if (!payload || payload.length !== 34) return null;
    return { tenantId: bytesUuid(payload.subarray(0, 16)), deliveryId: bytesUuid(payload.subarray(16, 32)), index: payload.readUInt16BE(32) };
  }
}

function indexBytes(index: number): Buffer {
  if (!Number.isInteger(index) || index < 0 || index > 0xffff) throw new Error(`link index out of range: ${index}`);
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(index);
  return bytes;
}
