import { suppressionResolvers } from './bounces/suppressions.resolver';
import { campaignsResolvers } from './campaigns/mailing.module';
import { clicksResolvers } from './clicks/campaign-clicks.module';

/** Every resolver class of the mailing library (the gateway's schema is built from exactly these). */
export const mailingResolvers = [...campaignsResolvers, ...clicksResolvers, ...suppressionResolvers];
