import { DynamicModule, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { IdentityModule } from '@cpts/platform-identity';
import { BouncesController } from '../bounces/bounces.controller';
import { BouncesService } from '../bounces/bounces.service';
import { EmailSuppressionsResolver } from '../bounces/suppressions.resolver';
import { EmailSuppressionsService } from '../bounces/suppressions.service';
import { CampaignLinks } from '../links/campaign-links';
import { PreferencesController, UnsubscribeController } from './preferences.controller';
import { PreferencesService } from './preferences.service';

export interface PreferencesModuleOptions {
  /** Modules the consents provider needs (the directory's, in the gateway). */
  imports: NonNullable<ModuleMetadata['imports']>;
  /** Provides MailingConsents (see mailing-consents.ts). */
  consents: Provider;
}

/**
 * Respecting people, the gateway's side: the one-click unsubscribe, the
 * preferences page's API, and the inbound mail webhook (bounces, complaints,
 * unsubscribe emails), and the team's list of bounced and blocked addresses.
 * Registered by the gateway with the consents provider.
 */
@Module({})
export class PreferencesModule {
  static forRoot(options: PreferencesModuleOptions): DynamicModule {
    return {
      module: PreferencesModule,
      // Identity: the CPTS addresses (CptsSlugs) that links come under.
      imports: [IdentityModule, ...options.imports],
      controllers: [UnsubscribeController, PreferencesController, BouncesController],
      providers: [
        options.consents,
        { provide: CampaignLinks, inject: [MailEnv], useFactory: CampaignLinks.fromEnv },
        PreferencesService,
        BouncesService,
        EmailSuppressionsService,
        EmailSuppressionsResolver,
      ],
      // The gateway leads the preferences page's addresses of before to the current ones.
      exports: [PreferencesService],
    };
  }
}
