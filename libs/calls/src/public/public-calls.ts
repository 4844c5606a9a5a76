import { Body, Controller, Get, Header, HttpCode, Injectable, Param, Post, Res } from '@nestjs/common';
import { AppError, cptsPagePath, Public, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { AddressedCpts, CptsSlugs, redirectPermanently, UNKNOWN_CPTS } from '@cpts/platform-identity';
import type { FastifyReply } from 'fastify';
import { CallsService } from '../calls.service';
import { ProjectsService } from '../projects.service';
import { IdentityChoices, IdentityChoicesReader, PublicCall, publicCall } from './public-call-facts';
import { LinksBody, ProposalBody } from './proposer-bodies';

/** The call's public page: the call, and what its "propose a project" form needs. */
export interface CallPageView extends IdentityChoices {
  cptsName: string;
  cptsSlug: string;
  call: PublicCall;
}

/** The answer of a proposal and of a request for one's links: never the link itself (receiving it proves the address). */
export interface LinkSent {
  sent: true;
  email: string;
}

/**
 * A published call's public page, without login, at the CPTS's address
 * (/cpts/<slug>/appels/<call slug>): its rules and timeline, and the
 * proposals. The address names the CPTS, resolved on platform tables first;
 * each request is then one transaction confined to that CPTS. A draft call,
 * another CPTS's call or an unknown one: the same French NOT_FOUND.
 */
@Injectable()
export class PublicCallsService {
  constructor(
    private readonly db: Db,
    private readonly slugs: CptsSlugs,
    private readonly calls: CallsService,
    private readonly projects: ProjectsService,
    private readonly choices: IdentityChoicesReader,
  ) {}

  async cpts(addressed: string): Promise<AddressedCpts> {
    const cpts = await this.slugs.resolve(addressed);
    if (!cpts) throw AppError.notFound(UNKNOWN_CPTS);
    return cpts;
  }

  view(cpts: AddressedCpts, callSlug: string): Promise<CallPageView> {
    return this.db.runApart({ tenantId: cpts.tenantId, label: 'call-page', readOnly: true }, async () => {
      const call = await this.calls.published(callSlug);
      return { cptsName: cpts.name, cptsSlug: cpts.slug, call: publicCall(call), ...(await this.choices.read()) };
    });
  }

  /** A proposal: the person matched or entered, the draft created, its link emailed (ProjectsService.propose). */
  propose(cpts: AddressedCpts, callSlug: string, body: ProposalBody): Promise<LinkSent> {
    return this.db.runApart({ tenantId: cpts.tenantId, label: 'call-proposal' }, async () => {
      const call = await this.calls.published(callSlug);
      const { title, ...who } = body;
      await this.projects.propose(call, who, title);
      return { sent: true as const, email: body.email };
    });
  }

  /**
   * A fresh link for each project of this call proposed with this address.
   * The answer is the same whether there is any: the page must not tell who
   * proposed a project.
   */
  resendLinks(cpts: AddressedCpts, callSlug: string, body: LinksBody): Promise<LinkSent> {
    return this.db.runApart({ tenantId: cpts.tenantId, label: 'call-links' }, async () => {
      const call = await this.calls.published(callSlug);
      const mine = await this.db.tenantRows<{ id: string }>(
        `SELECT id FROM call_projects WHERE tenant_id = $1 AND call_id = $2 AND proposer_email = $3 ORDER BY seq`,
        [requireTenantId(), call.id, body.email],
      );
      for (const p of mine) await this.projects.emailProposer(p.id, 'link');
      return { sent: true as const, email: body.email };
    });
  }
}

/**
 * /api/public/calls/<cpts slug>/<call slug>: the page's data (a GET at a
 * former address of the CPTS is redirected, 308, as ADR 0011 says), the
 * proposals and the links asked again (honoured at any address the CPTS
 * ever had: a POST is never redirected). Limited per client address, as all
 * of /api/public/.
 */
@Controller('api/public/calls')
export class PublicCallsController {
  constructor(private readonly service: PublicCallsService) {}

  @Get(':cptsSlug/:callSlug')
  @Public()
  async page(@Param('cptsSlug') addressed: string, @Param('callSlug') callSlug: string, @Res() reply: FastifyReply): Promise<void> {
    const cpts = await this.service.cpts(addressed);
    if (cpts.slug !== addressed) {
      await redirectPermanently(reply, 308, `/api/public/calls/${cpts.slug}/${encodeURIComponent(callSlug)}`);
      return;
    }
    await reply.header('cache-control', 'no-store').send(await this.service.view(cpts, callSlug));
  }

  @Post(':cptsSlug/:callSlug/proposals')
  @Public()
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  async propose(@Param('cptsSlug') addressed: string, @Param('callSlug') callSlug: string, @Body() body: ProposalBody): Promise<LinkSent> {
    return this.service.propose(await this.service.cpts(addressed), callSlug, body);
  }

  @Post(':cptsSlug/:callSlug/links')
  @Public()
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async links(@Param('cptsSlug') addressed: string, @Param('callSlug') callSlug: string, @Body() body: LinksBody): Promise<LinkSent> {
    return this.service.resendLinks(await this.service.cpts(addressed), callSlug, body);
  }
}

/** The call page's address in the web app (for the proposer's page, which links back to it). */
export const callPagePath = (cptsSlug: string, callSlug: string) => cptsPagePath(cptsSlug, 'appels', callSlug);
