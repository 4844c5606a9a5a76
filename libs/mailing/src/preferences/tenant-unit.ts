import { randomUUID } from 'node:crypto';
import { newScope, runInScope } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';

/**
 * Runs `fn` in a transaction of its own, confined by RLS to the CPTS a
 * signed link names: whoever calls (nobody, or someone signed in to another
 * CPTS), the request's session and tenant are never used, so a link of CPTS
 * A can only ever touch CPTS A. Commits when `fn` returns, rolls back when it
 * throws. Nobody is signed in: consent proofs record no staff member.
 */
export function inLinkTenant<T>(db: Db, tenantId: string, label: string, fn: () => Promise<T>): Promise<T> {
  const scope = newScope({ requestId: `${label}-${randomUUID()}`, tenantId });
  return runInScope(scope, async () => {
    let result: T;
    try {
      result = await fn();
    } catch (err) {
      await db.finishScope(scope, false);
      throw err;
    }
    await db.finishScope(scope, true);
    return result;
  });
}
