import { cptsPagePath } from '@cpts/platform-core';
import type { FormerPageAddress } from '@cpts/platform-domain';
import { CptsSlugs } from '@cpts/platform-identity';

/** What to answer for an address of the web app: a permanent redirect, or the app with this status. */
export type PageAnswer = { redirect: string } | { status: 200 | 404 };

const APP: PageAnswer = { status: 200 };
const UNKNOWN: PageAnswer = { status: 404 };

/**
 * The web app's public pages, as the gateway serves it: under the CPTS's
 * readable address, /cpts/<slug>/… Its former addresses, and the addresses
 * of before that the domains declare (/annuaire-public/<id>,
 * /preferences/<token>: `formerPages`), are redirected permanently (301) to it, so that links already printed or mailed keep
 * working; an address that names no CPTS gets the app with a 404 (the page
 * says so in French). The web app follows the same redirects itself when it
 * reaches such an address without a page load (its API answers 308).
 */
export class PublicPages {
  constructor(
    private readonly slugs: CptsSlugs,
    private readonly formerPages: readonly FormerPageAddress[],
  ) {}

  async answer(pathname: string): Promise<PageAnswer> {
    const [first, second, ...rest] = pathname.split('/').filter(Boolean).map(decoded);
    if (!second) return APP;
    const former = rest.length === 0 ? this.formerPages.find((f) => f.prefix === first) : undefined;
    if (former) {
      const path = await former.locate(second);
      return path ? { redirect: path } : UNKNOWN;
    }
    // "/cpts" alone is the staff's home page; a public page has a name after the address.
    if (first === 'cpts' && rest.length > 0) {
      const cpts = await this.slugs.resolve(second);
      if (!cpts) return UNKNOWN;
      return cpts.slug === second ? APP : { redirect: cptsPagePath(cpts.slug, ...rest) };
    }
    return APP;
  }
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
