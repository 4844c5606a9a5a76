import { Injectable } from '@nestjs/common';
import { byKeys, currentScope, requirePrincipal } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { RegionalAccess } from '@cpts/platform-identity';

/** Directory figures of several CPTS at once (regional views, "Mes CPTS"). */
@Injectable()
export class DirectoryFiguresService {
  constructor(
    private readonly db: Db,
    private readonly regional: RegionalAccess,
  ) {}

  /**
   * Active professionals per CPTS, in the order of `ids`: the caller's own CPTS through its tenant
   * transaction, other CPTS through the regional read path (an error for those it may not read).
   */
  async activeProfessionals(ids: readonly string[]): Promise<Array<number | Error>> {
    const own = currentScope()?.tenantId ?? null;
    const counts = new Map<string, number>();
    const sql = `SELECT tenant_id, count(*)::int AS n FROM professionals WHERE tenant_id = ANY($1) AND archived_at IS NULL GROUP BY tenant_id`;
    if (own && ids.includes(own)) {
      for (const row of await this.db.tenantRows<{ tenant_id: string; n: number }>(sql, [[own]])) counts.set(row.tenant_id, row.n);
    }
    const others = ids.filter((id) => id !== own);
    if (others.length > 0) {
      try {
        const rows: Array<{ tenant_id: string; n: number }> = await this.regional.read(
          requirePrincipal(),
          others,
          'cpts-key-figures',
          (m) => m.query(sql, [others]),
        );
        for (const row of rows) counts.set(row.tenant_id, row.n);
      } catch (err) {
        return ids.map((id) => (id === own ? (counts.get(id) ?? 0) : (err as Error)));
      }
    }
    return byKeys(ids, [...counts.entries()], ([id]) => id).map((entry) => (entry ? entry[1] : 0));
  }
}
