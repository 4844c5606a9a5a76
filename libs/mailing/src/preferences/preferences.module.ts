import { Module } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { IdentityModule } from '@cpts/platform-identity';
import { BouncesController } from '../bounces/bounces.controller';
import { BouncesService } from '../bounces/bounces.service';
import { EmailSuppressionsResolver } from '../bounces/suppressions.resolver';
import { EmailSuppressionsService } from '../bounces/suppressions.service';
import { CampaignLinks } from '../links/campaign-links';
import { PreferencesController, UnsubscribeController } from './preferences.controller';
import { PreferencesFormerAddress } from './preferences-former-address';
import { PreferencesService } from './preferences.service';

/**
 * Respecting people, the gateway's side: the one-click unsubscribe, the
 * preferences page's API, and the inbound mail webhook (bounces, complaints,
 * unsubscribe emails), and the team's list of bounced and blocked addresses.
 * Choices are recorded as the directory's consents (the PersonConsents
 * person contract).
 */
@Module({
  // Identity: the CPTS addresses (CptsSlugs) that links come under.
  imports: [IdentityModule],
  controllers: [UnsubscribeController, PreferencesController, BouncesController],
  providers: [
    { provide: CampaignLinks, inject: [MailEnv], useFactory: CampaignLinks.fromEnv },
    PreferencesService,
    PreferencesFormerAddress,
    BouncesService,
    EmailSuppressionsService,
    EmailSuppressionsResolver,
  ],
})
export class PreferencesModule {}
