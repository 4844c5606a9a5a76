/**
 * Local SMTP sink for `npm start`: receives every email the platform sends,
 * writes each to .data/mail/ as an .eml file, and lists them on a small web
 * page, so a newcomer can follow an invitation link without a real mailbox.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { ReceivedMail, SmtpSink } from '@cpts/testing';

const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 1025);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 1080);
const folder = path.resolve(process.env.SMTP_SINK_DIR ?? '.data/mail');
mkdirSync(folder, { recursive: true });

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
const files = new Map<ReceivedMail, string>();

const sink = new SmtpSink((mail) => {
  const name = `${mail.receivedAt.toISOString().replace(/[:.]/g, '-')}-${mail.to[0] ?? 'inconnu'}.eml`;
  writeFileSync(path.join(folder, name), mail.raw);
  files.set(mail, name);
});

const page = (title: string, body: string) =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;color:#1f2933}table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:8px;border-bottom:1px solid #e4e7eb}a{color:#1c64b4}</style></head><body>${body}</body></html>`;

const http = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/messages') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(sink.messages.map((m, i) => ({ id: i, to: m.to, subject: m.subject, text: m.text, receivedAt: m.receivedAt }))));
    return;
  }
  const match = /^\/messages\/(\d+)$/.exec(url.pathname);
  if (match) {
    const mail = sink.messages[Number(match[1])];
    if (!mail) {
      res.writeHead(404).end('Message introuvable');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page(mail.subject, `<p><a href="/">← Tous les courriels</a></p><p><strong>À :</strong> ${escape(mail.to.join(', '))}<br><strong>Objet :</strong> ${escape(mail.subject)}</p><hr>${mail.html || `<pre>${escape(mail.text)}</pre>`}`));
    return;
  }
  const rows = sink.messages
    .map((m, i) => ({ m, i }))
    .reverse()
    .map(({ m, i }) => `<tr><td>${m.receivedAt.toLocaleString('fr-FR')}</td><td>${escape(m.to.join(', '))}</td><td><a href="/messages/${i}">${escape(m.subject)}</a></td></tr>`)
    .join('');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page('Courriels reçus', `<h1>Courriels reçus (${sink.messages.length})</h1><p>Copies aussi dans ${escape(folder)}</p><table><tr><th>Reçu</th><th>À</th><th>Objet</th></tr>${rows}</table>`));
});

sink.start(smtpPort).then(() => {
  http.listen(httpPort, '127.0.0.1', () => {
    process.stdout.write(`smtp sink: SMTP on 127.0.0.1:${smtpPort}, received mail at http://localhost:${httpPort}\n`);
  });
});
process.on('SIGTERM', () => sink.stop().then(() => process.exit(0)));
