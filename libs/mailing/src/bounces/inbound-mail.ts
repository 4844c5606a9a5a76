import { simpleParser } from 'mailparser';
import type { CampaignLinks, UnsubscribeTarget } from '../links/campaign-links';
import { bounceOf, enhancedStatus } from './suppressions';

/** What an incoming message (or a webhook's JSON event) asks for. */
export type InboundEvent =
  | { kind: 'hard_bounce' | 'soft_bounce' | 'complaint'; target: UnsubscribeTarget; detail: string }
  | { kind: 'unsubscribe'; token: string }
  | { kind: 'ignored'; reason: string };

const VERP_TOKEN = /\+([A-Za-z0-9_-]{40,400})@/g;
/** The List-Unsubscribe link: under the CPTS's address, or as messages sent before readable addresses had it. */
const UNSUBSCRIBE_URL = /\/api\/public\/(?:cpts\/[a-z0-9-]{1,60}\/)?unsubscribe\/([A-Za-z0-9_-]{40,400})/g;
const UNSUBSCRIBE_SUBJECT = /\bunsubscribe-([A-Za-z0-9_-]{40,400})/;

/**
 * Reads a message that came to the bounce or unsubscribe mailbox:
 * - a delivery status notification (RFC 3464: multipart/report with a
 *   message/delivery-status part): Action "failed" is a hard or soft bounce
 *   by its Status (5.1.x: no such mailbox...); "delayed" is ignored;
 * - a complaint (RFC 5965 ARF: message/feedback-report, Feedback-Type abuse);
 * - an email to the unsubscribe mailbox whose subject carries unsubscribe-TOKEN.
 * The delivery is named by a signed token: the VERP envelope sender it was
 * sent from (bounce+TOKEN@, in the report's To or its Original-Mail-From),
 * else the List-Unsubscribe link of the original message's headers, which
 * reports usually quote. Anything else (an auto-reply, a bounce in free text)
 * is ignored, never guessed at.
 */
export async function readInboundMail(raw: string | Buffer, links: CampaignLinks): Promise<InboundEvent> {
  const mail = await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const reportType = contentType?.value === 'multipart/report' ? (contentType.params?.['report-type'] ?? '').toLowerCase() : '';
  const parts = mail.attachments.map((a) => ({ type: a.contentType.toLowerCase(), text: a.content.toString('utf8') }));
  const feedback = parts.find((p) => p.type === 'message/feedback-report');
  const status = parts.find((p) => p.type === 'message/delivery-status' || p.type === 'message/global-delivery-status');

  if (feedback || reportType === 'feedback-report') {
    const fields = headerFields(feedback?.text ?? '');
    const type = (fields.get('feedback-type') ?? '').toLowerCase();
    if (type !== 'abuse') return { kind: 'ignored', reason: `feedback report of type "${type || 'unknown'}"` };
    const target = findTarget(links, String(raw), parts.map((p) => p.text).join('\n'));
    if (!target) return { kind: 'ignored', reason: 'complaint about no message of ours' };
    return { kind: 'complaint', target, detail: `complaint (feedback-type abuse${fields.get('user-agent') ? `, ${fields.get('user-agent')}` : ''})` };
  }

  if (status || reportType === 'delivery-status') {
    const recipient = recipientFields(status?.text ?? '').find((f) => (f.get('action') ?? '').toLowerCase() === 'failed');
    if (!recipient) return { kind: 'ignored', reason: 'delivery status without a failed recipient (delayed, delivered...)' };
    const diagnostic = recipient.get('diagnostic-code') ?? '';
    const code = /\b([245]\d\d)\b/.exec(diagnostic);
    const enhanced = enhancedStatus(recipient.get('status') ?? '') ?? enhancedStatus(diagnostic);
    const bounce = bounceOf(code ? Number(code[1]) : null, enhanced) ?? (enhanced || code ? null : 'soft_bounce');
    if (!bounce) return { kind: 'ignored', reason: `refusal that says nothing about the address (${enhanced ?? code?.[1]})` };
    const target = findTarget(links, String(raw), parts.map((p) => p.text).join('\n'));
    if (!target) return { kind: 'ignored', reason: 'bounce of no message of ours' };
    const detail = [recipient.get('status'), diagnostic.replace(/\s+/g, ' ')].filter(Boolean).join(' ');
    return { kind: bounce, target, detail: detail || 'failed' };
  }

  const subject = UNSUBSCRIBE_SUBJECT.exec(mail.subject ?? '');
  if (subject && links.readUnsubscribe(subject[1])) return { kind: 'unsubscribe', token: subject[1] };
  return { kind: 'ignored', reason: 'neither a delivery report, a complaint nor an unsubscribe request' };
}

/**
 * A webhook's JSON event (a provider's bounce or complaint notification,
 * mapped by whoever connects it): `{ type, token }`, the token being the
 * VERP token, the whole VERP address, or the List-Unsubscribe token of the
 * message; `detail` optional. `type`: hard_bounce, soft_bounce, complaint,
 * or unsubscribe.
 */
export function readInboundEvent(body: unknown, links: CampaignLinks): InboundEvent | { kind: 'invalid'; reason: string } {
  const event = body as { type?: unknown; token?: unknown; detail?: unknown } | null;
  if (!event || typeof event !== 'object') return { kind: 'invalid', reason: 'Un objet JSON est attendu.' };
  const type = event.type;
  if (type !== 'hard_bounce' && type !== 'soft_bounce' && type !== 'complaint' && type !== 'unsubscribe') {
    return { kind: 'invalid', reason: 'type doit valoir hard_bounce, soft_bounce, complaint ou unsubscribe.' };
  }
  if (typeof event.token !== 'string' || event.token.length > 1000) return { kind: 'invalid', reason: 'token manquant.' };
  const token = event.token.trim();
  if (type === 'unsubscribe') {
    return links.readUnsubscribe(token) ? { kind: 'unsubscribe', token } : { kind: 'ignored', reason: 'token not ours' };
  }
  const verp = /\+([A-Za-z0-9_-]+)@/.exec(token)?.[1];
  const target = links.readBounce(verp ?? token) ?? links.readUnsubscribe(token);
  if (!target) return { kind: 'ignored', reason: 'token not ours' };
  const detail = typeof event.detail === 'string' && event.detail.trim() ? event.detail.trim() : type;
  return { kind: type, target, detail };
}

/** The first token we signed: a VERP one first (it names the envelope the report came back to), else a List-Unsubscribe one. */
function findTarget(links: CampaignLinks, ...texts: string[]): UnsubscribeTarget | null {
  const all = texts.join('\n').replace(/=\r?\n/g, ''); // quoted-printable soft line breaks
  for (const m of all.matchAll(VERP_TOKEN)) {
    const target = links.readBounce(m[1]);
    if (target) return target;
  }
  for (const m of all.matchAll(UNSUBSCRIBE_URL)) {
    const target = links.readUnsubscribe(m[1]);
    if (target) return target;
  }
  return null;
}

/** "Name: value" fields of one block (continuation lines joined), names lower-cased. */
function headerFields(block: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | null = null;
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      fields.set(last, `${fields.get(last)} ${line.trim()}`);
      continue;
    }
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    last = m[1].toLowerCase();
    if (!fields.has(last)) fields.set(last, m[2].trim());
  }
  return fields;
}

/** The per-recipient blocks of a message/delivery-status body (the first block is the per-message one). */
function recipientFields(body: string): Array<Map<string, string>> {
  const blocks = body.replace(/\r\n/g, '\n').split(/\n\s*\n/).filter((b) => b.trim());
  return blocks.slice(1).map(headerFields);
}
