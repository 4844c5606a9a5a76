import { timingSafeEqual } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, Public } from '@cpts/platform-core';
import { BouncesService, InboundResult } from './bounces.service';

/**
 * The inbound mail webhook (docs/bounces.md), for the MTA or provider that
 * receives the bounce and unsubscribe mailboxes: a raw message
 * (message/rfc822 or text/plain: a delivery status notification, a complaint
 * report, an email to the unsubscribe mailbox) or a JSON event. Bearer token
 * MAIL_WEBHOOK_TOKEN; without one configured, the route does not exist.
 */
@Controller('api/mail')
export class BouncesController {
  private readonly token: Buffer | null;

  constructor(
    private readonly service: BouncesService,
    mail: MailEnv,
  ) {
    this.token = mail.MAIL_WEBHOOK_TOKEN ? Buffer.from(`Bearer ${mail.MAIL_WEBHOOK_TOKEN}`) : null;
  }

  @Post('bounces')
  @Public()
  @HttpCode(200)
  async receive(@Headers('authorization') authorization: string | undefined, @Headers('content-type') contentType: string | undefined, @Body() body: unknown): Promise<InboundResult> {
    if (!this.token) throw AppError.notFound('Page introuvable.');
    const given = Buffer.from(authorization ?? '');
    if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) throw AppError.unauthenticated('Jeton du webhook absent ou invalide.');
    if (typeof body === 'string' || Buffer.isBuffer(body)) {
      if (body.length === 0) throw AppError.badInput('Message vide.');
      return this.service.mail(body);
    }
    if ((contentType ?? '').startsWith('application/json')) {
      const result = await this.service.event(body);
      if ('invalid' in result) throw AppError.badInput(result.invalid);
      return result;
    }
    throw AppError.badInput('Envoyez un message brut (message/rfc822 ou text/plain) ou un événement JSON.');
  }
}
