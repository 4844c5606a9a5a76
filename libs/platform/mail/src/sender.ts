/** MAIL_FROM's address ("CPTS <no-reply@cpts.fr>" or a bare address) and its domain, which names Message-IDs. */
export function senderOf(mailFrom: string): { address: string; domain: string } {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
  return { address, domain: address.split('@')[1] ?? 'cpts.localhost' };
}
