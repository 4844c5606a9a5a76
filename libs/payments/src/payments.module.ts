import { Module } from '@nestjs/common';
import { GovernanceModule } from '@cpts/governance';
import type { DomainLibrary } from '@cpts/platform-domain';
import { MeetingIndemnitiesService } from './meeting-indemnities.service';
import { PassCeilings } from './pass-ceilings.service';
import { PaymentLinesService } from './payment-lines.service';
import { PaymentSettingsService } from './payment-settings.service';
import { PaymentsAccess } from './payments-access';
import { paymentsEntities } from './payments.entities';
import { PaymentsExportController } from './payments-export.controller';
import { PaymentsLedger } from './payments-ledger.service';
import { PaymentsPersonData } from './payments.person-data';
import { PAYMENTS_RESOLVERS } from './payments.resolver';
import { paymentsMigrations } from './migrations';

/** Payments to professionals in the gateway: the lines other modules add, the treasurer's view, the indemnities of meetings, the PASS. */
@Module({
  // Governance gives the bureau's treasurer (Treasurer).
  imports: [GovernanceModule],
  controllers: [PaymentsExportController],
  providers: [
    PassCeilings,
    PaymentSettingsService,
    PaymentLinesService,
    PaymentsAccess,
    PaymentsLedger,
    MeetingIndemnitiesService,
    PaymentsPersonData,
    ...PAYMENTS_RESOLVERS,
  ],
  // For the libraries whose work is paid (calls for projects: workshops and debriefs).
  exports: [PaymentLinesService],
})
export class PaymentsModule {}

/** Everything the apps need of payments (see DomainLibrary). */
export const paymentsDomain: DomainLibrary = {
  name: 'payments',
  entities: paymentsEntities,
  migrations: paymentsMigrations,
  resolvers: PAYMENTS_RESOLVERS,
  gateway: PaymentsModule,
  personData: [PaymentsPersonData],
};
