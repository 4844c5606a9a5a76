import { suppressionResolvers } from './bounces/suppressions.resolver';
import { clicksResolvers } from './clicks/campaign-clicks.module';

/** Every resolver class of the mailing library (the gateway's schema is built from exactly these). */
export const mailingResolvers = [...clicksResolvers, ...suppressionResolvers];
