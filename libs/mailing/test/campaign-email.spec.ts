import { simpleParser } from 'mailparser';
import { LinkSigner } from '@cpts/platform-mail';
import { CampaignContent, CampaignEmailRenderer, CampaignLinks, campaignLinks, htmlToText, legalMention } from '../src';

const content: CampaignContent = {
  campaignId: '11111111-1111-4111-8111-111111111111',
  version: '2026-11-20T10:00:00.000Z',
  cptsName: 'CPTS du Grand Cognac',
  purpose: 'pro_newsletter',
  subject: 'La lettre de novembre : soins non programmés',
  bodyHtml: '<h2>Bonjour</h2><p>Les <a href="https://cpts.test/agenda">rencontres</a> du mois &amp; la soirée.</p><ul><li>Jeudi 3</li><li>Mardi 8</li></ul>',
  senderName: 'CPTS du Grand Cognac',
  replyTo: 'coordination@cpts-cognac.fr',
};

describe('campaign emails', () => {
  it('turns the editor HTML into a readable plain-text part', () => {
    expect(htmlToText(content.bodyHtml)).toBe('Bonjour\n\nLes rencontres (https://cpts.test/agenda) du mois & la soirée.\n\n- Jeudi 3\n- Mardi 8');
    expect(htmlToText('<p>Voir <a href="https://x.fr">https://x.fr</a><br>Merci</p><img src="a.png" alt="Affiche">')).toBe('Voir https://x.fr\nMerci\n\n[Affiche]');
  });

  it('says why the person receives it: consent, or the work address with its free opt-out', () => {
    expect(legalMention(content, 'consent')).toBe("Vous recevez ce message car vous avez accepté de recevoir la lettre d’information des professionnels. Expéditeur : CPTS du Grand Cognac.");
    expect(legalMention(content, 'work_address_opt_out')).toContain('à votre adresse professionnelle');
  });

  it('gives each recipient their own To, Message-ID and Date on the message built once per campaign and basis', async () => {
    const renderer = new CampaignEmailRenderer('no-reply@cpts.fr', 'cpts.fr');
    const first = await simpleParser(await renderer.render(content, { deliveryId: 'd-1', email: 'marie@exemple.fr', basis: 'consent' }));
    const second = await simpleParser(await renderer.render(content, { deliveryId: 'd-2', email: 'luc@exemple.fr', basis: 'consent' }));
    const other = await simpleParser(await renderer.render(content, { deliveryId: 'd-3', email: 'ana@exemple.fr', basis: 'work_address_opt_out' }));
    expect([first.to, second.to, other.to].map((to) => (Array.isArray(to) ? to[0] : to)?.text)).toEqual(['marie@exemple.fr', 'luc@exemple.fr', 'ana@exemple.fr']);
    expect([first.messageId, second.messageId]).toEqual(['<d-1@cpts.fr>', '<d-2@cpts.fr>']);
    expect(first.subject).toBe(content.subject);
    expect(first.from?.text).toBe('"CPTS du Grand Cognac" <no-reply@cpts.fr>');
    expect(first.replyTo?.text).toBe('coordination@cpts-cognac.fr');
    expect(Math.abs((first.date?.getTime() ?? 0) - Date.now())).toBeLessThan(5000);
    expect(second.html).toBe(first.html);
    expect(first.text).toContain('accepté de recevoir');
    expect(other.text).toContain('à votre adresse professionnelle');
    expect(other.html).toContain('<meta name="viewport" content="width=device-width,initial-scale=1">');
    expect(other.html).toContain('CPTS du Grand Cognac');
    // An address MailComposer must encode is built whole, not patched.
    const encoded = await simpleParser(await renderer.render(content, { deliveryId: 'd-4', email: 'élodie@exemple.fr', basis: 'consent' }));
    expect((Array.isArray(encoded.to) ? encoded.to[0] : encoded.to)?.value[0].address).toBe('élodie@exemple.fr');
    expect(encoded.messageId).toBe('<d-4@cpts.fr>');
    expect(encoded.html).toBe(first.html);
  });

  it('gives each recipient signed unsubscribe headers and tracked links, leading only where the campaign links', async () => {
    const links = new CampaignLinks(new LinkSigner('s'.repeat(40)), 'https://cpts.test/', 'desinscription@cpts.test');
    const tenantId = '22222222-2222-4222-8222-222222222222';
    const deliveryId = '33333333-3333-4333-8333-333333333333';
    const withLinks = { ...content, bodyHtml: `${content.bodyHtml}<p><a href="https://cpts.test/b?x=1&amp;y=2">B</a> <a href="mailto:c@cpts.test">écrire</a></p>` };
    expect(campaignLinks(withLinks.bodyHtml)).toEqual(['https://cpts.test/agenda', 'https://cpts.test/b?x=1&y=2']);
    const renderer = new CampaignEmailRenderer('no-reply@cpts.fr', 'cpts.fr');
    const raw = await renderer.render(withLinks, {
      deliveryId,
      email: 'marie@exemple.fr',
      basis: 'consent',
      links: links.forDelivery(tenantId, 'grand-cognac', deliveryId),
    });
    const mail = await simpleParser(raw);
    // mailparser files the List-* headers under 'list'.
    const list = mail.headers.get('list') as { unsubscribe: { url?: string; mail?: string }; 'unsubscribe-post': { name: string } };
    const listUnsubscribe = list.unsubscribe;
    expect(listUnsubscribe.mail).toMatch(/^desinscription@cpts\.test\?subject=unsubscribe-[A-Za-z0-9_-]+$/);
    // Under the CPTS's readable address: no id shows, except inside the opaque signed token.
    expect(listUnsubscribe.url).toMatch(/^https:\/\/cpts\.test\/api\/public\/cpts\/grand-cognac\/unsubscribe\/[A-Za-z0-9_-]+$/);
    expect(raw).toContain('\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n');
    const token = listUnsubscribe.url!.split('/').pop()!;
    expect(links.readUnsubscribe(token)).toEqual({ tenantId, deliveryId });
    expect(links.readClick(token)).toBeNull();
    expect(links.readUnsubscribe(token.slice(0, -2) + (token.endsWith('AA') ? 'AB' : 'AA'))).toBeNull();
    const tracked = [...String(mail.html).matchAll(/href="(https:\/\/cpts\.test\/api\/public\/c\/[^"]+)"/g)].map((m) => m[1]);
    expect(tracked).toHaveLength(2);
    expect(tracked.map((url) => links.readClick(url.split('/').pop()!))).toEqual([
      { tenantId, deliveryId, index: 0 },
      { tenantId, deliveryId, index: 1 },
    ]);
    expect(mail.html).toContain('href="mailto:c@cpts.test"');
    expect(mail.html).toContain(`href="https://cpts.test/cpts/grand-cognac/preferences/${token}"`);
    expect(mail.text).toContain(`https://cpts.test/cpts/grand-cognac/preferences/${token}`);
    // No internal id in an address of the message (the Message-ID aside, which is no address).
    for (const url of [listUnsubscribe.url!, ...[...String(mail.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1])])
      expect(url).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(mail.text).toContain('/api/public/c/');
    // Without links (preview, test send) the body links stay as written.
    const plain = renderer.readable(withLinks, 'consent');
    expect(plain.html).toContain('href="https://cpts.test/b?x=1&amp;y=2"');
    expect(plain.text).toContain('B (https://cpts.test/b?x=1&y=2)');
  });
});
