import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM } from '@cpts/platform-core';
import { Professional } from '../professional.types';
import { ProfessionalsService } from '../professionals.service';
import { ConsentEvent, ConsentWording, GiveConsentArgs, PersonConsent, WithdrawConsentArgs } from './consent.types';
import { ConsentsService } from './consents.service';

@Resolver(() => Professional)
export class ConsentsResolver {
  constructor(
    private readonly service: ConsentsService,
    private readonly professionals: ProfessionalsService,
  ) {}

  @Query(() => [ConsentWording], { description: 'Every version of the consent sentences (the same for every CPTS).' })
  @Allow(...CPTS_TEAM)
  consentWordings(): ConsentWording[] {
    return this.service.wordings();
  }

  @ResolveField(() => [PersonConsent], {
    description: 'Per purpose: the consent, and whether and on what basis the person may be contacted.',
  })
  consents(@Parent() professional: Professional): Promise<PersonConsent[]> {
    return this.service.forPerson(professional.id);
  }

  @ResolveField(() => [ConsentEvent], { description: 'The proof: every consent given or withdrawn, newest first.' })
  consentEvents(@Parent() professional: Professional): Promise<ConsentEvent[]> {
    return this.service.events(professional.id);
  }

  @Mutation(() => Professional, { description: 'Records a consent with its proof (how, which wording).' })
  @Allow(...CPTS_TEAM)
  async giveConsent(@Args() args: GiveConsentArgs): Promise<Professional> {
    await this.service.give({ ...args, professionalId: args.professionalId.toLowerCase() });
    return this.professionals.get(args.professionalId.toLowerCase());
  }

  @Mutation(() => Professional, { description: 'Withdraws a consent, or records an objection where none was given.' })
  @Allow(...CPTS_TEAM)
  async withdrawConsent(@Args() args: WithdrawConsentArgs): Promise<Professional> {
    await this.service.withdraw({ ...args, professionalId: args.professionalId.toLowerCase() });
    return this.professionals.get(args.professionalId.toLowerCase());
  }
}
