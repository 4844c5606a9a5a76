import { DynamicModule, Module } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { RateLimiter } from '@cpts/platform-identity';
import { MailModule } from '@cpts/platform-mail';
import { QueueProducer } from '@cpts/platform-queue';
import { CampaignDispatcher } from '../delivery/campaign-dispatcher';
import { CampaignEmailRenderer } from '../delivery/campaign-email';
import { DIRECTORY_SQL, DirectorySql } from './audience';
import { CampaignStarter } from './campaign-starter';
import { CampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

/**
 * Campaigns for the gateway: composing, audiences, sending. The app hands
 * in the directory's contact rule and practice sites as SQL (a domain
 * library does not import another).
 */
@Module({})
export class MailingModule {
  static forRoot(options: { directorySql: DirectorySql }): DynamicModule {
    return {
      module: MailingModule,
      imports: [MailModule],
      providers: [
        { provide: DIRECTORY_SQL, useValue: options.directorySql },
        RateLimiter,
        { provide: CampaignDispatcher, inject: [Db, QueueProducer], useFactory: (db: Db, producer: QueueProducer) => new CampaignDispatcher(db, producer) },
        {
          provide: CampaignStarter,
          inject: [Db, CampaignDispatcher, DIRECTORY_SQL],
          useFactory: (db: Db, dispatcher: CampaignDispatcher, directorySql: DirectorySql) => new CampaignStarter(db, dispatcher, directorySql),
        },
        { provide: CampaignEmailRenderer, inject: [MailEnv], useFactory: (mail: MailEnv) => CampaignEmailRenderer.fromMailFrom(mail.MAIL_FROM) },
        CampaignsService,
        CampaignsResolver,
      ],
      exports: [CampaignsService, CampaignStarter],
    };
  }
}

export const campaignsResolvers = [CampaignsResolver];
