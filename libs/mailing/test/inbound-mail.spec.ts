import { LinkSigner } from '@cpts/platform-mail';
import { bounceOf, CampaignLinks, enhancedStatus, readInboundEvent, readInboundMail } from '../src';

const tenantId = '22222222-2222-4222-8222-222222222222';
const deliveryId = '33333333-3333-4333-8333-333333333333';
const links = new CampaignLinks(new LinkSigner('s'.repeat(40)), 'https://cpts.test', 'desinscription@cpts.test', 'bounces@cpts.test');
const other = new CampaignLinks(new LinkSigner('t'.repeat(40)), 'https://cpts.test', null, 'bounces@cpts.test');

const report = (type: string, to: string, body: string, quoted = '') =>
  [
    'From: MAILER-DAEMON@mx.test',
    `To: ${to}`,
    'Subject: rapport',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=${type}; boundary="R"`,
    '',
    '--R',
    'Content-Type: text/plain',
    '',
    'Rapport.',
    '--R',
    `Content-Type: message/${type}`,
    '',
    body,
    '--R',
    'Content-Type: text/rfc822-headers',
    '',
    'Subject: Lettre',
    quoted,
    '--R--',
    '',
  ].join('\r\n');

describe('bounces and unsubscribe emails', () => {
  it('says what a refusal says about the address, and nothing when it is about the sender', () => {
    expect(enhancedStatus('Message failed: 550 5.1.1 <x@y>: user unknown')).toBe('5.1.1');
    expect(enhancedStatus('5.2.2')).toBe('5.2.2');
    expect(enhancedStatus('550 No such user here')).toBeNull();
    expect(enhancedStatus('connection from 195.1.12.3 refused')).toBeNull();
    expect(bounceOf(550, '5.1.1')).toBe('hard_bounce');
    expect(bounceOf(550, '5.2.1')).toBe('hard_bounce');
    expect(bounceOf(552, '5.2.2')).toBe('soft_bounce');
    expect(bounceOf(550, '5.4.4')).toBe('hard_bounce');
    expect(bounceOf(550, '5.7.1')).toBeNull();
    expect(bounceOf(554, '5.6.0')).toBeNull();
    expect(bounceOf(451, '4.7.1')).toBe('soft_bounce');
    expect(bounceOf(550, null)).toBe('hard_bounce');
    expect(bounceOf(553, null)).toBe('hard_bounce');
    expect(bounceOf(554, null)).toBeNull();
    expect(bounceOf(421, null)).toBe('soft_bounce');
    expect(bounceOf(null, null)).toBeNull();
  });

  it('writes a VERP envelope sender per delivery that only we can read back', () => {
    const address = links.bounceAddress(tenantId, deliveryId)!;
    const token = /^bounces\+([A-Za-z0-9_-]+)@cpts\.test$/.exec(address)![1];
    expect(links.readBounce(token)).toEqual({ tenantId, deliveryId });
    expect(links.readUnsubscribe(token)).toBeNull();
    expect(other.readBounce(token)).toBeNull();
    // RFC 5321 caps a local part at 64 characters: a relay may refuse a longer envelope sender.
    expect(address.split('@')[0].length).toBeLessThanOrEqual(64);
    // Messages sent before the token was shortened (128-bit MAC) still have their bounces read; altered, not.
    const ids = Buffer.from(`${tenantId}${deliveryId}`.replace(/-/g, ''), 'hex');
    const legacy = new LinkSigner('s'.repeat(40)).sign('campaign-bounce-v1', ids);
    expect(legacy).toHaveLength(64);
    expect(links.readBounce(legacy)).toEqual({ tenantId, deliveryId });
    expect(links.readBounce(`${legacy.slice(0, -2)}${legacy.endsWith('AA') ? 'BA' : 'AA'}`)).toBeNull();
    expect(links.readBounce(`${token.slice(0, -2)}${token.endsWith('AA') ? 'BA' : 'AA'}`)).toBeNull();
    expect(new CampaignLinks(new LinkSigner('s'.repeat(40)), 'https://cpts.test', null).bounceAddress(tenantId, deliveryId)).toBeNull();
  });

  it('reads a DSN (hard, soft, delayed) by its VERP address or the quoted List-Unsubscribe, and a complaint', async () => {
    const verp = links.bounceAddress(tenantId, deliveryId)!;
    const failed = (status: string, diagnostic: string) => `Reporting-MTA: dns; mx.test\r\n\r\nFinal-Recipient: rfc822; x@y.fr\r\nAction: failed\r\nStatus: ${status}\r\nDiagnostic-Code: smtp; ${diagnostic}\r\n`;
    expect(await readInboundMail(report('delivery-status', verp, failed('5.1.1', '550 5.1.1 unknown')), links)).toEqual({
      kind: 'hard_bounce',
      target: { tenantId, deliveryId },
      detail: '5.1.1 smtp; 550 5.1.1 unknown',
    });
    expect(await readInboundMail(report('delivery-status', verp, failed('4.2.2', '452 4.2.2 full')), links)).toMatchObject({ kind: 'soft_bounce' });
    expect(await readInboundMail(report('delivery-status', verp, failed('5.7.1', '550 5.7.1 spam')), links)).toMatchObject({ kind: 'ignored' });
    const delayed = 'Reporting-MTA: dns; mx.test\r\n\r\nFinal-Recipient: rfc822; x@y.fr\r\nAction: delayed\r\nStatus: 4.4.1\r\n';
    expect(await readInboundMail(report('delivery-status', verp, delayed), links)).toMatchObject({ kind: 'ignored' });
    // Not ours: another secret signed it.
    expect(await readInboundMail(report('delivery-status', other.bounceAddress(tenantId, deliveryId)!, failed('5.1.1', '550')), links)).toMatchObject({ kind: 'ignored' });

    const unsubscribeUrl = links.forDelivery(tenantId, 'vallee-de-la-dordogne', deliveryId).unsubscribeUrl;
    // The link as messages carry it (under the CPTS's address), and as messages sent before readable addresses did.
    for (const url of [unsubscribeUrl, unsubscribeUrl.replace('/cpts/vallee-de-la-dordogne/', '/')]) {
      const quoted = `List-Unsubscribe: <${url}>`;
      expect(
        await readInboundMail(report('delivery-status', 'no-reply@cpts.test', failed('5.1.1', '550 5.1.1 unknown'), quoted), links),
      ).toMatchObject({
        kind: 'hard_bounce',
        target: { tenantId, deliveryId },
      });
    }

    const abuse = `Feedback-Type: abuse\r\nUser-Agent: FBL/1\r\nVersion: 1\r\nOriginal-Mail-From: <${verp}>\r\n`;
    expect(await readInboundMail(report('feedback-report', 'abuse@cpts.test', abuse), links)).toMatchObject({ kind: 'complaint', target: { tenantId, deliveryId } });
    expect(await readInboundMail(report('feedback-report', 'abuse@cpts.test', abuse.replace('abuse', 'not-spam')), links)).toMatchObject({ kind: 'ignored' });
  });

  it('reads an email to the unsubscribe mailbox, and ignores an auto-reply', async () => {
    const mailto = links.forDelivery(tenantId, 'vallee-de-la-dordogne', deliveryId).unsubscribeMailto!;
    const token = /subject=unsubscribe-([A-Za-z0-9_-]+)$/.exec(mailto)![1];
    expect(await readInboundMail(`From: a@b.fr\r\nTo: desinscription@cpts.test\r\nSubject: unsubscribe-${token}\r\n\r\n`, links)).toEqual({ kind: 'unsubscribe', token });
    expect(await readInboundMail(`From: a@b.fr\r\nTo: desinscription@cpts.test\r\nSubject: Re: unsubscribe-${token.slice(0, -1)}A\r\n\r\n`, links)).toMatchObject({ kind: 'ignored' });
    expect(await readInboundMail('From: a@b.fr\r\nTo: bounces@cpts.test\r\nSubject: Absent\r\n\r\nEn congé.\r\n', links)).toMatchObject({ kind: 'ignored' });
  });

  it('reads a JSON event by its VERP token, VERP address or List-Unsubscribe token', () => {
    const verp = links.bounceAddress(tenantId, deliveryId)!;
    const unsubscribe = links.forDelivery(tenantId, 'vallee-de-la-dordogne', deliveryId).unsubscribeUrl.split('/').pop()!;
    const target = { tenantId, deliveryId };
    expect(readInboundEvent({ type: 'hard_bounce', token: verp }, links)).toEqual({ kind: 'hard_bounce', target, detail: 'hard_bounce' });
    expect(readInboundEvent({ type: 'complaint', token: /\+(.+)@/.exec(verp)![1], detail: 'abuse' }, links)).toEqual({ kind: 'complaint', target, detail: 'abuse' });
    expect(readInboundEvent({ type: 'soft_bounce', token: unsubscribe }, links)).toMatchObject({ kind: 'soft_bounce', target });
    expect(readInboundEvent({ type: 'unsubscribe', token: unsubscribe }, links)).toEqual({ kind: 'unsubscribe', token: unsubscribe });
    expect(readInboundEvent({ type: 'hard_bounce', token: 'abc' }, links)).toMatchObject({ kind: 'ignored' });
    expect(readInboundEvent({ type: 'bounce', token: verp }, links)).toMatchObject({ kind: 'invalid' });
    expect(readInboundEvent(null, links)).toMatchObject({ kind: 'invalid' });
  });
});
