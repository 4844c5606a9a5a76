import type { FastifyReply } from 'fastify';

/** A small French page for a link that leads nowhere: what a person sees in a browser instead of a JSON error. */
function linkPage(title: string, text: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${title}</title>
<style>body{margin:0;font-family:Arial,Helvetica,sans-serif;background:#f5f7fa;color:#1f2933}main{max-width:560px;margin:48px auto;padding:24px;background:#fff;border-radius:8px}h1{font-size:24px;color:#102a43}p{font-size:16px;line-height:24px}</style>
</head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;
}

export const LINK_NOT_FOUND = linkPage(
  'Lien introuvable',
  "Ce lien n'est pas valide ou ne mène plus nulle part. Vérifiez qu'il a été copié en entier depuis le message, ou écrivez à la CPTS qui vous l'a envoyé.",
);

export const LINK_UNAVAILABLE = linkPage(
  'Service momentanément indisponible',
  "Ce lien n'a pas pu être ouvert pour le moment. Réessayez dans quelques instants.",
);

export async function sendLinkPage(reply: FastifyReply, status: 404 | 503, page: string): Promise<void> {
  await reply.status(status).header('content-type', 'text/html; charset=utf-8').send(page);
}
