import { Module } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { Db } from '@cpts/platform-db';
import { RateLimiter } from '@cpts/platform-identity';
import { MailModule } from '@cpts/platform-mail';
import { DIRECTORY_SQL, DirectorySql } from '@cpts/platform-persons';
import { QueueProducer } from '@cpts/platform-queue';
import { CampaignDispatcher } from '../delivery/campaign-dispatcher';
import { CampaignEmailRenderer } from '../delivery/campaign-email';
import { CampaignStarter } from './campaign-starter';
import { CampaignsResolver } from './campaigns.resolver';
import { CampaignsService } from './campaigns.service';

/**
 * Campaigns for the gateway: composing, audiences, sending. Recipients are
 * selected with the directory's one contact rule and its practice sites
 * (the DIRECTORY_SQL person contract).
 */
@Module({
  imports: [MailModule],
  providers: [
    RateLimiter,
    {
      provide: CampaignDispatcher,
      inject: [Db, QueueProducer],
      useFactory: (db: Db, producer: QueueProducer) => new CampaignDispatcher(db, producer),
    },
    {
      provide: CampaignStarter,
      inject: [Db, CampaignDispatcher, DIRECTORY_SQL],
      useFactory: (db: Db, dispatcher: CampaignDispatcher, directorySql: DirectorySql) => new CampaignStarter(db, dispatcher, directorySql),
    },
    {
      provide: CampaignEmailRenderer,
      inject: [MailEnv],
      useFactory: (mail: MailEnv) => CampaignEmailRenderer.fromMailFrom(mail.MAIL_FROM),
    },
    CampaignsService,
    CampaignsResolver,
  ],
})
export class CampaignsModule {}
