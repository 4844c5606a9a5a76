/** A transactional email, ready to send (except its secret, see SECRET_PLACEHOLDER). */
export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** An event the email carries: its iCalendar text, sent as text/calendar and as an .ics attachment. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string };
}

export interface EmailContent {
  subject: string;
  /** Short line shown by mail clients next to the subject. */
  preheader: string;
  title: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Answers given in one tap (pour / contre / abstention), shown as a row of buttons above the action. */
  choices?: Array<{ label: string; url: string }>;
  /** Small print under the action: why the person receives this, expiry... */
  footer: string[];
}

/**
 * Stands for the secret token inside a rendered email until the worker sends
 * it; the real token only ever exists encrypted in the outbox and in the email.
 */
export const SECRET_PLACEHOLDER = '__CPTS_SECRET__';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** The shared layout of platform emails: readable on a phone, with a plain-text part. */
export function renderEmail(content: EmailContent): RenderedEmail {
  const paragraphs = content.paragraphs.map((p) => `<p style="margin:0 0 16px;font-size:16px;line-height:24px;color:#1f2933">${escapeHtml(p)}</p>`).join('');
  const action = content.action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1c64b4;color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold;font-size:16px">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#52606d">Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :<br><span style="word-break:break-all">${escapeHtml(content.action.url)}</span></p>`
    : '';
  const choices = content.choices?.length
    ? `<p style="margin:24px 0 8px">${content.choices
        .map(
          (c) =>
            `<a href="${escapeHtml(c.url)}" style="display:inline-block;margin:0 8px 8px 0;background:#ffffff;color:#1c64b4;border:2px solid #1c64b4;text-decoration:none;padding:12px 18px;border-radius:6px;font-weight:bold;font-size:17px">${escapeHtml(c.label)}</a>`,
        )
        .join('')}</p>`
    : '';
  const footer = content.footer.map((f) => `<p style="margin:0 0 8px;font-size:12px;line-height:18px;color:#7b8794">${escapeHtml(f)}</p>`).join('');
  const html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f5f7fa;font-family:Arial,Helvetica,sans-serif">
<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f5f7fa"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px"><tr><td style="padding:28px 24px">
<h1 style="margin:0 0 20px;font-size:22px;line-height:28px;color:#102a43">${escapeHtml(content.title)}</h1>
${paragraphs}${choices}${action}
<hr style="border:none;border-top:1px solid #e4e7eb;margin:24px 0 16px">${footer}
</td></tr></table></td></tr></table></body></html>`;
  const text = [
    content.title,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    ...(content.choices ?? []).map((c) => `${c.label} : ${c.url}`),
    ...(content.choices?.length ? [''] : []),
    ...(content.action ? [`${content.action.label} : ${content.action.url}`, ''] : []),
    '--',
    ...content.footer,
  ].join('\n');
  return { subject: content.subject, html, text };
}
