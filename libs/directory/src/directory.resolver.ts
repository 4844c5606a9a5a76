import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, byKeys, Connection, CPTS_TEAM, currentScope, requirePrincipal, scopedLoader, UuidPipe } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { Cpts, RegionalAccess } from '@cpts/platform-identity';
import { Professional, ProfessionalConnection, ProfessionalInput, ProfessionalsArgs } from './professional.types';
import { ProfessionalsService } from './professionals.service';

@Resolver(() => Professional)
export class ProfessionalsResolver {
  constructor(private readonly service: ProfessionalsService) {}

  @Query(() => ProfessionalConnection, { description: 'The professionals directory of the active CPTS, by name.' })
  @Allow(...CPTS_TEAM)
  professionals(@Args() args: ProfessionalsArgs): Promise<Connection<Professional>> {
    return this.service.list(args.filter ?? {}, args.first, args.after);
  }

  @Query(() => Professional)
  @Allow(...CPTS_TEAM)
  professional(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.service.get(id);
  }

  @Mutation(() => Professional)
  @Allow(...CPTS_TEAM)
  createProfessional(@Args('input') input: ProfessionalInput): Promise<Professional> {
    return this.service.create(input);
  }

  @Mutation(() => Professional)
  @Allow(...CPTS_TEAM)
  updateProfessional(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('input') input: ProfessionalInput): Promise<Professional> {
    return this.service.update(id, input);
  }

  @Mutation(() => Professional, { description: 'Takes a professional out of the directory (kept, and restorable).' })
  @Allow(...CPTS_TEAM)
  archiveProfessional(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.service.setArchived(id, true);
  }

  @Mutation(() => Professional)
  @Allow(...CPTS_TEAM)
  restoreProfessional(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<Professional> {
    return this.service.setArchived(id, false);
  }
}

/** Directory figures on the CPTS type (regional views, "Mes CPTS"). */
@Resolver(() => Cpts)
export class CptsDirectoryFields {
  constructor(
    private readonly db: Db,
    private readonly regional: RegionalAccess,
  ) {}

  @ResolveField(() => Int, { description: 'Active professionals in the directory.' })
  professionalCount(@Parent() cpts: Cpts): Promise<number> {
    return scopedLoader<string, number>(CptsDirectoryFields.prototype.professionalCount, (ids) => this.countAll(ids)).load(cpts.id);
  }

  /** The caller's own CPTS through its tenant transaction; other CPTS through the regional read path. */
  private async countAll(ids: readonly string[]): Promise<Array<number | Error>> {
    const own = currentScope()?.tenantId ?? null;
    const counts = new Map<string, number>();
    const sql = `SELECT tenant_id, count(*)::int AS n FROM professionals WHERE tenant_id = ANY($1) AND archived_at IS NULL GROUP BY tenant_id`;
    if (own && ids.includes(own)) {
      for (const row of await this.db.tenantRows<{ tenant_id: string; n: number }>(sql, [[own]])) counts.set(row.tenant_id, row.n);
    }
    const others = ids.filter((id) => id !== own);
    if (others.length > 0) {
      try {
        const rows: Array<{ tenant_id: string; n: number }> = await this.regional.read(requirePrincipal(), others, 'cpts-key-figures', (m) => m.query(sql, [others]));
        for (const row of rows) counts.set(row.tenant_id, row.n);
      } catch (err) {
        return ids.map((id) => (id === own ? (counts.get(id) ?? 0) : (err as Error)));
      }
    }
    return byKeys(ids, [...counts.entries()], ([id]) => id).map((entry) => (entry ? entry[1] : 0));
  }
}

