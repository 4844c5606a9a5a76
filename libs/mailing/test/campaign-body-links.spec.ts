import { sanitizeEmailHtml } from '@cpts/platform-mail';
import { campaignLinks } from '../src';

describe("a campaign body's links", () => {
  it('are written by the sanitizer as the click tracking finds them', () => {
    const html = sanitizeEmailHtml("<a href='https://a.fr/x?y=1&z=2'>a</a><A HREF=https://b.fr>b</A>");
    expect(campaignLinks(html)).toEqual(['https://a.fr/x?y=1&z=2', 'https://b.fr']);
  });
});
