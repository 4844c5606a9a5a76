import { Injectable } from '@nestjs/common';
import { cptsPagePath, isUuid } from '@cpts/platform-core';
import type { FormerPageAddress } from '@cpts/platform-domain';
import { CptsSlugs } from '@cpts/platform-identity';

/** /annuaire-public/<CPTS id>, the public directory's address before CPTS had readable addresses: now /cpts/<slug>/annuaire. */
@Injectable()
export class PublicDirectoryFormerAddress implements FormerPageAddress {
  readonly prefix = 'annuaire-public';

  constructor(private readonly slugs: CptsSlugs) {}

  async locate(tenantId: string): Promise<string | null> {
    const cpts = isUuid(tenantId) ? await this.slugs.resolve(tenantId) : null;
    return cpts ? cptsPagePath(cpts.slug, 'annuaire') : null;
  }
}
