import { Injectable } from '@nestjs/common';
import { CPTS_TEAM, hasAnyRole, requirePrincipal, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { CallsService } from '../calls.service';
import { readCallSummary } from './call-summary';
import { CallSummary } from './call-summary.types';

/** The summary of a call for the CPTS's own readers: the team sees every project, the board those put to the bureau. */
@Injectable()
export class CallSummaries {
  constructor(
    private readonly db: Db,
    private readonly calls: CallsService,
  ) {}

  read(callId: string): Promise<CallSummary> {
    this.calls.requireReader();
    const scope = hasAnyRole(requirePrincipal(), CPTS_TEAM) ? 'every_project' : 'put_to_bureau';
    return readCallSummary((sql, params) => this.db.tenantRows(sql, params), requireTenantId(), callId, scope);
  }
}
