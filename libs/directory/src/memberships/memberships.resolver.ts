import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Connection, CPTS_TEAM, scopedLoader, UuidPipe } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { LapsedMember, Membership, MembershipConnection, MembershipCounts, MembershipInput, MembershipsArgs, MembershipYear, OpenedMembershipYear, OpenMembershipYearArgs } from './membership.types';
import { MembershipListingsService } from './membership-listings.service';
import { MembershipYearsService } from './membership-years.service';
import { MembershipsService } from './memberships.service';

@Resolver(() => Membership)
export class MembershipsResolver {
  constructor(
    private readonly service: MembershipsService,
    private readonly listings: MembershipListingsService,
    private readonly years: MembershipYearsService,
    private readonly professionals: ProfessionalsService,
  ) {}

  @Query(() => MembershipConnection, { description: "A year's memberships, by the person's name." })
  @Allow(...CPTS_TEAM)
  memberships(@Args() args: MembershipsArgs): Promise<Connection<Membership>> {
    return this.listings.list(args);
  }

  @Query(() => [MembershipYear], { description: 'Years opened for renewal or holding memberships, newest first.' })
  @Allow(...CPTS_TEAM)
  membershipYears(): Promise<MembershipYear[]> {
    return this.years.years();
  }

  @Query(() => MembershipCounts, { description: "A year's memberships per profession and status (the yearly figure)." })
  @Allow(...CPTS_TEAM)
  membershipCounts(@Args('year', { type: () => Int }) year: number): Promise<MembershipCounts> {
    return this.listings.counts(year);
  }

  @Query(() => [LapsedMember], { description: 'Active members of the previous year who are not active members of this one.' })
  @Allow(...CPTS_TEAM)
  lapsedMembers(@Args('year', { type: () => Int }) year: number): Promise<LapsedMember[]> {
    return this.listings.lapsed(year);
  }

  @Mutation(() => Membership, { description: "Creates (no id) or changes (id) a person's membership of one year." })
  @Allow(...CPTS_TEAM)
  saveMembership(@Args('input') input: MembershipInput): Promise<Membership> {
    return this.service.save(input);
  }

  @Mutation(() => Boolean, { description: 'Removes a membership entered by mistake (the person\'s history keeps what it said).' })
  @Allow(...CPTS_TEAM)
  deleteMembership(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    return this.service.remove(id);
  }

  @Mutation(() => OpenedMembershipYear, { description: 'Opens a year for renewal: pending memberships for the active members of the previous year. Idempotent.' })
  @Allow(...CPTS_TEAM)
  openMembershipYear(@Args() args: OpenMembershipYearArgs): Promise<OpenedMembershipYear> {
    return this.years.openYear(args.year, args.defaultFeeCents);
  }

  @Mutation(() => Int, { description: "After the renewal period: the year's pending memberships become lapsed. Returns how many." })
  @Allow(...CPTS_TEAM)
  lapseUnpaidMemberships(@Args('year', { type: () => Int }) year: number): Promise<number> {
    return this.years.lapseUnpaid(year);
  }

  @ResolveField(() => Professional)
  professional(@Parent() membership: Membership): Promise<Professional> {
    if (membership.professional) return Promise.resolve(membership.professional);
    return scopedLoader<string, Professional>(MembershipsResolver.prototype.professional, async (ids) => {
      const people = new Map((await this.professionals.getMany(ids)).map((p) => [p.id, p]));
      return ids.map((id) => people.get(id) ?? new Error('Professionnel introuvable.'));
    }).load(membership.professionalId);
  }
}

/** A person's memberships on the professional's page. */
@Resolver(() => Professional)
export class ProfessionalMembershipFields {
  constructor(private readonly service: MembershipsService) {}

  @ResolveField(() => [Membership], { description: "The person's memberships, newest year first." })
  memberships(@Parent() professional: Professional): Promise<Membership[]> {
    return scopedLoader<string, Membership[]>(ProfessionalMembershipFields.prototype.memberships, async (ids) => {
      const byPerson = await this.service.ofPeople(ids);
      return ids.map((id) => byPerson.get(id) ?? []);
    }).load(professional.id);
  }
}
