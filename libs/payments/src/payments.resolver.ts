import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, AppError, CPTS_TEAM, Role, UuidPipe } from '@cpts/platform-core';
import { MeetingIndemnitiesService } from './meeting-indemnities.service';
import { PassCeilings } from './pass-ceilings.service';
import { PaymentSettingsService } from './payment-settings.service';
import {
  MarkPaidInput,
  MeetingIndemnities,
  PassCeiling,
  PassCeilingArgs,
  PaymentLine,
  PaymentLinesFilter,
  PaymentSettings,
  PaymentSettingsArgs,
  PaymentStatement,
  PaymentStatementArgs,
  PaymentYear,
  PaymentYearArgs,
} from './payment.types';
import { PaymentsLedger } from './payments-ledger.service';

const TEAM = [...CPTS_TEAM];
/** The team, and the board for its treasurer: the service refuses a board member who is not the bureau's treasurer today. */
const TREASURY = [...CPTS_TEAM, Role.BOARD_MEMBER];

@Resolver(() => PaymentLine)
export class PaymentsResolver {
  constructor(
    private readonly ledger: PaymentsLedger,
    private readonly indemnities: MeetingIndemnitiesService,
  ) {}

  @Query(() => [PaymentLine], {
    description: "A year's payment lines, latest work first (filters: status, kind, professional); 10,000 at most.",
  })
  @Allow(...TREASURY)
  paymentLines(@Args('filter') filter: PaymentLinesFilter): Promise<PaymentLine[]> {
    return this.ledger.list(filter);
  }

  @Query(() => PaymentYear, { description: 'A year of payments: the PASS and the totals per professional, the largest first.' })
  @Allow(...TREASURY)
  paymentYear(@Args() { year }: PaymentYearArgs): Promise<PaymentYear> {
    return this.ledger.year(year);
  }

  @Query(() => PaymentStatement, { description: "A professional's yearly statement (état annuel), printable." })
  @Allow(...TREASURY)
  paymentStatement(@Args() { professionalId, year }: PaymentStatementArgs): Promise<PaymentStatement> {
    return this.ledger.statement(professionalId.toLowerCase(), year);
  }

  @Mutation(() => [PaymentLine], {
    description: 'Marks lines paid (the day and the transfer reference): all of them were to pay, or nothing changes.',
  })
  @Allow(...TREASURY)
  markPaymentLinesPaid(@Args('input') input: MarkPaidInput): Promise<PaymentLine[]> {
    return this.ledger.markPaid({ ...input, lineIds: input.lineIds.map((id) => id.toLowerCase()) });
  }

  @Mutation(() => PaymentLine, { description: 'Cancels a line not paid yet, with the reason.' })
  @Allow(...TEAM)
  cancelPaymentLine(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('reason') reason: string): Promise<PaymentLine> {
    const text = reason.trim();
    if (text.length === 0) throw AppError.field('reason', 'Dites pourquoi la ligne est annulée.');
    if (text.length > 1000) throw AppError.field('reason', 'Le motif ne peut pas dépasser 1 000 caractères.');
    return this.ledger.cancel(id, text);
  }

  @Mutation(() => MeetingIndemnities, {
    description:
      "The indemnities of a meeting of an instance that was held: one line per member present or by video, at the CPTS's rate; run again, it adds only what is missing.",
  })
  @Allow(...TEAM)
  generateMeetingIndemnities(@Args('meetingId', { type: () => ID }, UuidPipe) meetingId: string): Promise<MeetingIndemnities> {
    return this.indemnities.generate(meetingId);
  }
}

@Resolver(() => PaymentSettings)
export class PaymentSettingsResolver {
  constructor(private readonly settings: PaymentSettingsService) {}

  @Query(() => PaymentSettings, { description: "The CPTS's indemnity rate (règlement intérieur)." })
  @Allow(...TEAM)
  paymentSettings(): Promise<PaymentSettings> {
    return this.settings.get();
  }

  @Mutation(() => PaymentSettings, { description: 'Sets the hourly rate of the indemnities, in cents (the coordinator).' })
  @Allow(Role.COORDINATOR)
  updatePaymentSettings(@Args() { indemnityHourlyRateCents }: PaymentSettingsArgs): Promise<PaymentSettings> {
    return this.settings.update(indemnityHourlyRateCents);
  }
}

@Resolver(() => PassCeiling)
export class PassCeilingsResolver {
  constructor(private readonly ceilings: PassCeilings) {}

  @Query(() => [PassCeiling], { description: 'The PASS (plafond annuel de la sécurité sociale) of each year entered, latest first.' })
  @Allow(Role.PLATFORM_ADMIN)
  passCeilings(): Promise<PassCeiling[]> {
    return this.ceilings.list();
  }

  @Mutation(() => PassCeiling, { description: 'Enters or corrects the PASS of a year, in cents.' })
  @Allow(Role.PLATFORM_ADMIN)
  setPassCeiling(@Args() { year, amountCents }: PassCeilingArgs): Promise<PassCeiling> {
    return this.ceilings.set(year, amountCents);
  }
}

export const PAYMENTS_RESOLVERS = [PaymentsResolver, PaymentSettingsResolver, PassCeilingsResolver];
