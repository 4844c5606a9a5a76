import { Global, Inject, Injectable, Module } from '@nestjs/common';
import { requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { DIRECTORY_SQL, DirectorySql, MailedPurpose, SegmentAudience, SegmentPerson, StoredSegment } from '@cpts/platform-persons';
import { audienceSql } from './audience';

/**
 * SegmentAudience on mailing's audience statement: the same people a
 * campaign of that purpose would reach (consent rule, suppressed addresses
 * left out), one per address as a campaign sends (the first in id order).
 */
@Injectable()
export class MailingSegmentAudience implements SegmentAudience {
  constructor(
    private readonly db: Db,
    @Inject(DIRECTORY_SQL) private readonly directorySql: DirectorySql,
  ) {}

  reachable(segment: StoredSegment, purpose: MailedPurpose): Promise<SegmentPerson[]> {
    const audience = audienceSql(requireTenantId(), purpose, segment, this.directorySql);
    return this.db.tenantRows<SegmentPerson>(
      `SELECT id, name, email FROM (
         SELECT DISTINCT ON (a.email) a.id, a.name, a.email FROM (${audience.sql}) a WHERE a.reason IS NULL ORDER BY a.email, a.id
       ) r ORDER BY r.name, r.id`,
      audience.params,
    );
  }
}

/** Global for its contract only: engines (surveys) reach a segment's people through SegmentAudience. */
@Global()
@Module({
  providers: [MailingSegmentAudience, { provide: SegmentAudience, useExisting: MailingSegmentAudience }],
  exports: [SegmentAudience],
})
export class MailingSegmentAudienceModule {}
