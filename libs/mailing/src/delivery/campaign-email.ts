import MailComposer from 'nodemailer/lib/mail-composer';
import { escapeHtml, senderOf } from '@cpts/platform-mail';

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
  /** This recipient's signed links; none for a preview or a test send (links then stay as written). */
  links?: RecipientLinks;
}

/** The signed, per-recipient addresses a campaign message carries. */
export interface RecipientLinks {
  /** HTTPS address of the one-click unsubscribe: a POST there unsubscribes at once (List-Unsubscribe, RFC 8058). */
  unsubscribeUrl: string;
  /** mailto: address of List-Unsubscribe, or null when no unsubscribe mailbox is configured. */
  unsubscribeMailto: string | null;
  /** The page, linked from the body, where the person unsubscribes or chooses which purposes they keep. */
  preferencesUrl: string;
  /** The click-tracking redirect for the body's link number `index` (document order, as campaignLinks() lists them). */
  track(index: number): string;
}

/** A campaign's body as a recipient reads it: the HTML part and the plain-text part. */
export interface RenderedCampaign {
  html: string;
  text: string;
}

const PURPOSE_LABEL: Record<string, string> = {
  pro_newsletter: 'la lettre d’information des professionnels',
  public_newsletter: 'la lettre d’information grand public',
  event_invitations: 'les invitations aux événements',
};

/** An http(s) link of the campaign body; mailto: and anchors are not tracked. */
const TRACKED_HREF = /(<a\s[^>]*?href=")(https?:\/\/[^"]*)(")/gi;

/**
 * The tracked links of a campaign body, in document order: a click token
 * carries an index into this list, so the redirect can only lead where the
 * campaign itself links (never an open redirect).
 */
export function campaignLinks(bodyHtml: string): string[] {
  return [...bodyHtml.matchAll(TRACKED_HREF)].map((m) => decodeAttribute(m[2]));
}

function decodeAttribute(value: string): string {
  return value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/**
 * Markers left in the cached rendering where each recipient's own addresses go:
 * NUL never occurs in the editor's HTML (the sanitizer and the text turn it away).
 */
const LINK_MARK = (index: number) => `\u0000L${index}\u0000`;
const PREFERENCES_MARK = '\u0000P\u0000';
const MARKS = /\u0000(L\d+|P)\u0000/g;

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
/** The two parts' stand-ins: not ASCII, so MailComposer encodes them in base64, which we then swap whole. */
const TEXT_PLACEHOLDER = '__CPTS_TEXT_PART_é__';
const HTML_PLACEHOLDER = '__CPTS_HTML_PART_é__';
const TEXT_PLACEHOLDER_B64 = Buffer.from(TEXT_PLACEHOLDER).toString('base64');
const HTML_PLACEHOLDER_B64 = Buffer.from(HTML_PLACEHOLDER).toString('base64');
/** An address MailComposer writes as is in the To header (no encoding, no folding). */
const PLAIN_ADDRESS = /^[\x21-\x7e]{1,200}$/;

/**
 * Renders campaign emails. The headers (From, Subject encoded...) and the
 * HTML and text of the body are built once per campaign version and legal
 * basis; each message then gets its own To, Message-ID, Date and
 * List-Unsubscribe lines, and its body with its own signed links, encoded in
 * base64 (native, microseconds for a newsletter).
 */
export class CampaignEmailRenderer {
  /** The renderer of the platform's campaigns, sent from MAIL_FROM's address (gateway previews and tests, worker sends). */
  static fromMailFrom(mailFrom: string): CampaignEmailRenderer {
    const { address, domain } = senderOf(mailFrom);
    return new CampaignEmailRenderer(address, domain);
  }

  private readonly bodies = new Map<string, RenderedCampaign>();
  private readonly templates = new Map<string, string>();

  constructor(
    /** The platform's sending address; the campaign's sender name is shown with it. */
    private readonly fromAddress: string,
    private readonly messageIdDomain: string,
  ) {}

  /** The HTML and plain text a recipient with these links would read (the preview shows it without links). */
  readable(content: CampaignContent, basis: string | null, links?: RecipientLinks): RenderedCampaign {
    const body = this.body(content);
    const mention = legalMention(content, basis);
    return {
      html: personalize(body.html.replace('__LEGAL_MENTION__', escapeHtml(mention)), content.bodyHtml, links, escapeHtml),
      text: personalize(`${body.text}\n\n--\n${mention}\n${UNSUBSCRIBE_TEXT} : ${PREFERENCES_MARK}`, content.bodyHtml, links, (value) => value),
    };
  }

  async render(content: CampaignContent, recipient: CampaignRecipient): Promise<string> {
    const plain = PLAIN_ADDRESS.test(recipient.email);
    const key = `${content.campaignId}:${content.version}:${recipient.basis}`;
    let template = plain ? this.templates.get(key) : undefined;
    if (!template) {
      // An address MailComposer must encode is built whole, not patched.
      template = await this.template(content, plain ? TO_PLACEHOLDER : recipient.email, plain ? ID_PLACEHOLDER : recipient.deliveryId);
      if (plain) remember(this.templates, key, template);
    }
    const headerEnd = template.indexOf('\r\n\r\n');
    // Header lines only: the body is base64, so these strings cannot appear there by accident.
    let head = template
      .slice(0, headerEnd)
      .replace(`To: ${TO_PLACEHOLDER}`, `To: ${recipient.email}`)
      .replace(`<${ID_PLACEHOLDER}@`, `<${recipient.deliveryId}@`)
      .replace(/^Date: .*$/m, `Date: ${rfc2822Date(new Date())}`);
    const links = recipient.links;
    if (links) {
      const targets = [`<${links.unsubscribeUrl}>`, ...(links.unsubscribeMailto ? [`<${links.unsubscribeMailto}>`] : [])];
      head += `\r\nList-Unsubscribe: ${targets.join(',\r\n ')}\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click`;
    }
    const { html, text } = this.readable(content, recipient.basis, links);
    return (head + template.slice(headerEnd))
      .replace(TEXT_PLACEHOLDER_B64, base64Lines(text))
      .replace(HTML_PLACEHOLDER_B64, base64Lines(html));
  }

  private async template(content: CampaignContent, to: string, id: string): Promise<string> {
    const raw = await new MailComposer({
      from: { name: content.senderName, address: this.fromAddress },
      to,
      replyTo: content.replyTo ?? undefined,
      subject: content.subject,
      html: HTML_PLACEHOLDER,
      text: TEXT_PLACEHOLDER,
      textEncoding: 'base64',
      // Stable across retries: a receiver that deduplicates by Message-ID sees one message.
      messageId: `<${id}@${this.messageIdDomain}>`,
      headers: { 'X-CPTS-Campaign': content.campaignId },
    })
      .compile()
      .build();
    return raw.toString('utf8');
  }

  private body(content: CampaignContent): RenderedCampaign {
    const key = `${content.campaignId}:${content.version}`;
    const cached = this.bodies.get(key);
    if (cached) return cached;
    let index = 0;
    const marked = content.bodyHtml.replace(TRACKED_HREF, (_m, before: string, _href: string, after: string) => `${before}${LINK_MARK(index++)}${after}`);
    const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title>
<style>img{max-width:100%;height:auto}a{color:#1c64b4}h1,h2,h3{color:#102a43}</style></head>
<body style="margin:0;padding:0;background:#f5f7fa;font-family:Arial,Helvetica,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f7fa"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px"><tr><td style="padding:24px;font-size:16px;line-height:24px;color:#1f2933">
<p style="margin:0 0 16px;font-size:13px;color:#52606d">${escapeHtml(content.cptsName)}</p>
${marked}
<hr style="border:none;border-top:1px solid #e4e7eb;margin:24px 0 16px">
<p style="margin:0 0 8px;font-size:12px;line-height:18px;color:#7b8794">__LEGAL_MENTION__</p>
<p style="margin:0;font-size:12px;line-height:18px;color:#7b8794"><a href="${PREFERENCES_MARK}" style="color:#52606d">${UNSUBSCRIBE_TEXT}</a></p>
</td></tr></table></td></tr></table></body></html>`;
    const rendered = { html, text: htmlToText(marked) };
    remember(this.bodies, key, rendered);
    return rendered;
  }
}

/** The footer link: free, one click away, in every message. */
const UNSUBSCRIBE_TEXT = 'Se désinscrire ou choisir ce que vous recevez';

/** Puts one recipient's addresses where the cached rendering left markers (or the original links, without any). */
function personalize(rendered: string, bodyHtml: string, links: RecipientLinks | undefined, escape: (value: string) => string): string {
  let originals: string[] | undefined;
  return rendered.replace(MARKS, (_m, mark: string) => {
    if (mark === 'P') return links ? escape(links.preferencesUrl) : '#';
    const index = Number(mark.slice(1));
    if (links) return escape(links.track(index));
    // Without links (a preview, a test send), each link stays as the editor wrote it.
    originals ??= campaignLinks(bodyHtml);
    return escape(originals[index]);
  });
}

/** Base64 in lines of 76 characters, as RFC 2045 asks. */
function base64Lines(text: string): string {
  const b64 = Buffer.from(text, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join('\r\n');
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
