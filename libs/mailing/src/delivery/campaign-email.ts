import MailComposer from 'nodemailer/lib/mail-composer';
import { escapeHtml } from '@cpts/platform-mail';

export interface CampaignContent {
  campaignId: string;
  /** Changes whenever the campaign is edited: the cache key of its rendering. */
  version: string;
  cptsName: string;
  purpose: string;
  subject: string;
  bodyHtml: string;
  senderName: string;
  replyTo: string | null;
}

export interface CampaignRecipient {
  deliveryId: string;
  email: string;
  /** consent, or work_address_opt_out: why this person may receive it (the legal mention says it). */
  basis: string | null;
}

interface Rendered {
  html: string;
  text: string;
}

const PURPOSE_LABEL: Record<string, string> = {
  pro_newsletter: 'la lettre d’information des professionnels',
  public_newsletter: 'la lettre d’information grand public',
  event_invitations: 'les invitations aux événements',
};

/**
 * Turns the HTML of the campaign editor into the plain-text part: the
 * structure survives (headings, paragraphs, lists, links with their address).
 */
export function htmlToText(html: string): string {
  return html
    .replace(/\r?\n/g, ' ')
    .replace(/<a\s[^>]*href="([^"]*)"[^>]*>(.*?)<\/a>/gi, (_m, href: string, label: string) => {
      const text = label.replace(/<[^>]+>/g, '').trim();
      return text && text !== href ? `${text} (${href})` : href;
    })
    .replace(/<img\s[^>]*alt="([^"]*)"[^>]*>/gi, '[$1]')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|h[1-6]|ul|ol|div|blockquote)>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The legal mention under every campaign: who sends it and why this person receives it. */
export function legalMention(content: Pick<CampaignContent, 'cptsName' | 'purpose'>, basis: string | null): string {
  const what = PURPOSE_LABEL[content.purpose] ?? 'ce message';
  const why =
    basis === 'work_address_opt_out'
      ? 'Vous recevez ce message à votre adresse professionnelle, en tant que professionnel de santé du territoire.'
      : `Vous recevez ce message car vous avez accepté de recevoir ${what}.`;
  return `${why} Expéditeur : ${content.cptsName}.`;
}

/** Stand for the recipient in a campaign's cached message (their own lines are put in per message). */
const TO_PLACEHOLDER = 'recipient@cpts-placeholder.invalid';
const ID_PLACEHOLDER = 'cpts-message-id-placeholder';
/** An address MailComposer writes as is in the To header (no encoding, no folding). */
const PLAIN_ADDRESS = /^[\x21-\x7e]{1,200}$/;

/**
 * Renders campaign emails. Building the MIME message costs about a
 * millisecond of CPU (quoted-printable and base64 of both parts), paid once
 * per campaign version and legal basis; each message then only gets its own
 * To, Message-ID and Date lines.
 */
export class CampaignEmailRenderer {
  private readonly bodies = new Map<string, Rendered>();
  private readonly messages = new Map<string, string>();

  constructor(
    /** The platform's sending address; the campaign's sender name is shown with it. */
    private readonly fromAddress: string,
    private readonly messageIdDomain: string,
  ) {}

  async render(content: CampaignContent, recipient: CampaignRecipient): Promise<string> {
    if (!PLAIN_ADDRESS.test(recipient.email)) return this.build(content, recipient.basis, recipient.email, recipient.deliveryId);
    const key = `${content.campaignId}:${content.version}:${recipient.basis}`;
    let template = this.messages.get(key);
    if (!template) {
      template = await this.build(content, recipient.basis, TO_PLACEHOLDER, ID_PLACEHOLDER);
      remember(this.messages, key, template);
    }
    // Header lines only: the body is encoded, so these strings cannot appear there by accident.
    const headerEnd = template.indexOf('\r\n\r\n');
    const head = template
      .slice(0, headerEnd)
      .replace(`To: ${TO_PLACEHOLDER}`, `To: ${recipient.email}`)
      .replace(`<${ID_PLACEHOLDER}@`, `<${recipient.deliveryId}@`)
      .replace(/^Date: .*$/m, `Date: ${rfc2822Date(new Date())}`);
    return head + template.slice(headerEnd);
  }

  private async build(content: CampaignContent, basis: string | null, to: string, id: string): Promise<string> {
    const body = this.body(content);
    const mention = legalMention(content, basis);
    const raw = await new MailComposer({
      from: { name: content.senderName, address: this.fromAddress },
      to,
      replyTo: content.replyTo ?? undefined,
      subject: content.subject,
      html: body.html.replace('__LEGAL_MENTION__', escapeHtml(mention)),
      text: `${body.text}\n\n--\n${mention}`,
      // Stable across retries: a receiver that deduplicates by Message-ID sees one message.
      messageId: `<${id}@${this.messageIdDomain}>`,
      headers: { 'X-CPTS-Campaign': content.campaignId },
    })
      .compile()
      .build();
    return raw.toString('utf8');
  }

  private body(content: CampaignContent): Rendered {
    const key = `${content.campaignId}:${content.version}`;
    const cached = this.bodies.get(key);
    if (cached) return cached;
    const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title>
<style>img{max-width:100%;height:auto}a{color:#1c64b4}h1,h2,h3{color:#102a43}</style></head>
<body style="margin:0;padding:0;background:#f5f7fa;font-family:Arial,Helvetica,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f7fa"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px"><tr><td style="padding:24px;font-size:16px;line-height:24px;color:#1f2933">
<p style="margin:0 0 16px;font-size:13px;color:#52606d">${escapeHtml(content.cptsName)}</p>
${content.bodyHtml}
<hr style="border:none;border-top:1px solid #e4e7eb;margin:24px 0 16px">
<p style="margin:0 0 8px;font-size:12px;line-height:18px;color:#7b8794">__LEGAL_MENTION__</p>
</td></tr></table></td></tr></table></body></html>`;
    const rendered = { html, text: htmlToText(content.bodyHtml) };
    remember(this.bodies, key, rendered);
    return rendered;
  }
}

/** A handful of campaigns send at once: past 50 entries, the oldest goes. */
function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= 50) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

/** "Mon, 23 Nov 2026 18:30:00 +0000", as MailComposer writes it. */
function rfc2822Date(date: Date): string {
  return date.toUTCString().replace(/GMT/, '+0000');
}
