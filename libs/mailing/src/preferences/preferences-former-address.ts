import { Injectable } from '@nestjs/common';
import { AppError, cptsPagePath, ErrorCode } from '@cpts/platform-core';
import type { FormerPageAddress } from '@cpts/platform-domain';
import { PreferencesService } from './preferences.service';

/** /preferences/<token>, the preferences page's address before CPTS had readable addresses: now under the CPTS's. */
@Injectable()
export class PreferencesFormerAddress implements FormerPageAddress {
  readonly prefix = 'preferences';

  constructor(private readonly preferences: PreferencesService) {}

  async locate(token: string): Promise<string | null> {
    try {
      const target = await this.preferences.locate(token, null);
      return cptsPagePath(target.cptsSlug, 'preferences', token);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.NOT_FOUND) return null;
      throw err;
    }
  }
}
