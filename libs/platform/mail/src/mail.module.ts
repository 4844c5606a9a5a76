import { Module } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { MailOutbox } from './mail-outbox';
import { SecretBox } from './secret-box';

/** Producer side, for the gateway: write emails to the outbox. */
@Module({
  providers: [{ provide: SecretBox, inject: [MailEnv], useFactory: (env: MailEnv) => new SecretBox(env.LINK_SECRET) }, MailOutbox],
  exports: [MailOutbox, SecretBox],
})
export class MailModule {}
