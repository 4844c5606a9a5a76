import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Header, HttpCode, Injectable, Param, Post } from '@nestjs/common';
import {
  Args,
  Field,
  GraphQLISODateTime,
  ID,
  Mutation,
  ObjectType,
  Parent,
  ResolveField,
  Resolver,
  registerEnumType,
} from '@nestjs/graphql';
import { isEmail } from 'class-validator';
import { MailEnv } from '@cpts/platform-config';
import {
  Allow,
  AppError,
  cptsPagePath,
  CPTS_TEAM,
  ErrorCode,
  FieldError,
  Public,
  requirePrincipal,
  requireTenantId,
  Role,
  scopedLoader,
  UuidPipe,
} from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { bytesUuid, LinkSigner, MailOutbox, renderEmail, uuidBytes } from '@cpts/platform-mail';
import { PersonDirectory } from '@cpts/platform-persons';
import { WorkingGroupMembersService } from './working-group-members.service';
import { WorkingGroup, WorkingGroupFrame, WorkingGroupRole, WorkingGroupStatus } from './working-group.types';
import { WorkingGroupsService } from './working-groups.service';

const JOIN = 'working-group-join-v1';
const INVALID_LINK = "Ce lien n'est pas valide : vérifiez qu'il a été copié en entier depuis la lettre d'information.";
const NOT_FOUND = "Demande d'adhésion introuvable.";

export enum JoinRequestStatus {
  PENDING = 'pending',
  ACCEPTED = 'accepted',
  DECLINED = 'declined',
}
registerEnumType(JoinRequestStatus, {
  name: 'JoinRequestStatus',
  description: "A request to join a working group, made from the group's link.",
});

@ObjectType({ description: 'A person of the directory who has the address the request gave.' })
export class JoinRequestMatch {
  @Field(() => ID) professionalId: string;
  @Field() name: string;
  @Field() professionCode: string;
}

@ObjectType({
  description: "Someone who asked to join from the group's link (a newsletter), waiting for a referent's or the team's answer.",
})
export class WorkingGroupJoinRequest {
  @Field(() => ID) id: string;
  @Field(() => ID) groupId: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field() email: string;
  @Field({ description: 'As they wrote it.' }) profession: string;
  @Field() message: string;
  @Field(() => GraphQLISODateTime) requestedAt: Date;
  @Field(() => JoinRequestStatus) status: JoinRequestStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt: Date | null;
  @Field(() => [JoinRequestMatch], { description: 'People of the directory with this address: the one accepted joins the group.' })
  matches: JoinRequestMatch[];
}

/** What the join page shows: the group as its members know it, before anyone asks. */
export interface JoinView {
  cptsName: string;
  groupName: string;
  missions: string[];
  theme: string | null;
  description: string;
  frame: WorkingGroupFrame;
  /** Why no request can be made (the group is paused or closed), in French; null while it can. */
  closed: string | null;
}

/**
 * A working group's join link, for a newsletter: it names one group of one
 * CPTS (tenant and group, 32 bytes, with a MAC of its own kind) and no
 * person: whoever reads the newsletter may ask, nobody joins without a
 * referent's or the team's yes. A paused or closed group takes no request.
 */
export class WorkingGroupJoinLinks {
  private readonly appUrl: string;

  constructor(
    private readonly signer: LinkSigner,
    appUrl: string,
  ) {
    this.appUrl = appUrl.replace(/\/+$/, '');
  }

  token(target: { tenantId: string; groupId: string }): string {
    return this.signer.sign(JOIN, Buffer.concat([uuidBytes(target.tenantId), uuidBytes(target.groupId)]));
  }

  read(token: string): { tenantId: string; groupId: string } | null {
    const payload = this.signer.verify(JOIN, token);
    if (!payload || payload.length !== 32) return null;
    return { tenantId: bytesUuid(payload.subarray(0, 16)), groupId: bytesUuid(payload.subarray(16, 32)) };
  }

  url(cptsSlug: string, token: string): string {
    return `${this.appUrl}${cptsPagePath(cptsSlug, 'groupes', token)}`;
  }
}

/** A text field of the public form: trimmed, required or not, at most `max` characters. */
function text(body: Record<string, unknown>, field: string, label: string, max: number, required: boolean, errors: FieldError[]): string {
  const raw = body[field];
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (raw !== undefined && raw !== null && typeof raw !== 'string') errors.push({ field, message: `${label} : texte attendu.` });
  else if (required && !value) errors.push({ field, message: `${label} : à remplir.` });
  else if (value.length > max) errors.push({ field, message: `${label} : ${max} caractères au plus.` });
  return value;
}

const REQUEST_COLUMNS = `r.id, r.group_id AS "groupId", r.first_name AS "firstName", r.last_name AS "lastName", r.email, r.profession, r.message,
  r.requested_at AS "requestedAt", r.status, r.decided_at AS "decidedAt"`;

/**
 * Asking to join a working group without an account, and the answer: the
 * request waits on the group page for a referent or the team, who accept it
 * (the person of the directory with that address joins the group as a
 * member, with the history and involvement level that adding them writes)
 * or decline it. One pending request per group and address: asking again
 * updates it.
 */
@Injectable()
export class JoinRequestsService {
  readonly links: WorkingGroupJoinLinks;

  constructor(
    private readonly db: Db,
    private readonly groups: WorkingGroupsService,
    private readonly members: WorkingGroupMembersService,
    private readonly persons: PersonDirectory,
    private readonly outbox: MailOutbox,
    mail: MailEnv,
  ) {
    this.links = new WorkingGroupJoinLinks(new LinkSigner(mail.LINK_SECRET), mail.APP_URL);
  }

  view(token: string): Promise<JoinView> {
    const target = this.links.read(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    return this.db.runApart({ tenantId: target.tenantId, label: 'join-view', readOnly: true }, () => this.read(target));
  }

  /** The public form's POST: a pending request (new, or the same address's updated). */
  ask(token: string, body: unknown): Promise<{ received: true }> {
    const target = this.links.read(token);
    if (!target) throw AppError.notFound(INVALID_LINK);
    const given = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
    const errors: FieldError[] = [];
    const firstName = text(given, 'firstName', 'Prénom', 100, true, errors);
    const lastName = text(given, 'lastName', 'Nom', 100, true, errors);
    const email = text(given, 'email', 'Adresse e-mail', 254, true, errors).toLowerCase();
    const profession = text(given, 'profession', 'Profession', 120, true, errors);
    const message = text(given, 'message', 'Message', 2000, false, errors);
    if (email && !errors.some((e) => e.field === 'email') && !isEmail(email))
      errors.push({ field: 'email', message: 'Adresse e-mail invalide.' });
    if (errors.length > 0) throw AppError.badInput(errors[0].message, errors);
    return this.db.runApart({ tenantId: target.tenantId, label: 'join-request' }, async () => {
      const view = await this.read(target);
      if (view.closed) throw AppError.conflict(view.closed);
      await this.db.tenantRows(
        `INSERT INTO working_group_join_requests (tenant_id, id, group_id, first_name, last_name, email, profession, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, group_id, email) WHERE status = 'pending'
         DO UPDATE SET first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, profession = EXCLUDED.profession,
                       message = EXCLUDED.message, requested_at = now()`,
        [target.tenantId, randomUUID(), target.groupId, firstName, lastName, email, profession, message],
      );
      return { received: true as const };
    });
  }

  /** The group's link to paste in a newsletter, for those who manage the group; null for others. */
  async joinUrl(group: WorkingGroup): Promise<string | null> {
    if (!(await this.manages(group.id))) return null;
    const [{ slug }] = await this.db.rows<{ slug: string }>(`SELECT slug FROM tenants WHERE id = $1`, [requireTenantId()]);
    return this.links.url(slug, this.links.token({ tenantId: requireTenantId(), groupId: group.id }));
  }

  /** The requests waiting for an answer, oldest first; none for those who do not manage the group. */
  async pending(groupId: string): Promise<WorkingGroupJoinRequest[]> {
    if (!(await this.manages(groupId))) return [];
    const rows = await this.db.tenantRows<Omit<WorkingGroupJoinRequest, 'matches'>>(
      `SELECT ${REQUEST_COLUMNS} FROM working_group_join_requests r WHERE r.tenant_id = $1 AND r.group_id = $2 AND r.status = 'pending'
       ORDER BY r.requested_at, r.id`,
      [requireTenantId(), groupId],
    );
    return Promise.all(rows.map(async (r) => ({ ...r, matches: await this.matches(r.email) })));
  }

  /**
   * Yes: the person of the directory joins as a member. `professionalId`
   * names them when the address matches several people or none (the team
   * then picks, or first creates, their record).
   */
  async accept(id: string, professionalId: string | null): Promise<WorkingGroupJoinRequest> {
    const request = await this.forDecision(id);
    const matches = await this.matches(request.email);
    let chosen = professionalId;
    if (!chosen) {
      if (matches.length === 0)
        throw AppError.field('professionalId', "Personne de l'annuaire n'a cette adresse : choisissez sa fiche (ou créez-la d'abord).");
      if (matches.length > 1)
        throw AppError.field('professionalId', "Plusieurs personnes de l'annuaire ont cette adresse : choisissez la bonne fiche.");
      chosen = matches[0].professionalId;
    }
    const person = await this.persons.require(chosen);
    if (person.archived || person.erased) throw AppError.field('professionalId', "Cette fiche n'est plus active dans l'annuaire.");
    await this.members.add({ groupId: request.groupId, professionalIds: [person.id], userIds: [], role: WorkingGroupRole.MEMBER });
    await this.decide(id, JoinRequestStatus.ACCEPTED, person.id);
    const { name, cptsName } = await this.names(request.groupId);
    await this.outbox.add({
      kind: 'working_group_join_accepted',
      to: request.email,
      tenantId: requireTenantId(),
      email: renderEmail({
        subject: `Bienvenue dans le groupe « ${name} »`,
        preheader: `Votre demande a été acceptée.`,
        title: `Bienvenue dans le groupe « ${name} »`,
        paragraphs: [
          `Bonjour ${request.firstName},`,
          `Votre demande pour rejoindre le groupe de travail « ${name} » a été acceptée. Vous recevrez les invitations à ses prochaines réunions.`,
        ],
        footer: [`Vous recevez ce message parce que vous avez demandé à rejoindre un groupe de travail de ${cptsName}.`],
      }),
    });
    return this.one(id);
  }

  async decline(id: string): Promise<WorkingGroupJoinRequest> {
    await this.forDecision(id);
    await this.decide(id, JoinRequestStatus.DECLINED, null);
    return this.one(id);
  }

  private async read(target: { tenantId: string; groupId: string }): Promise<JoinView> {
    const [row] = await this.db.tenantRows<
      Omit<JoinView, 'frame' | 'closed'> & { status: string; purpose: string; rules: string; confidentiality: string }
    >(
      `SELECT t.name AS "cptsName", g.name AS "groupName", g.missions, g.theme, g.description, g.status,
              g.frame_purpose AS purpose, g.frame_rules AS rules, g.frame_confidentiality AS confidentiality
       FROM working_groups g JOIN tenants t ON t.id = g.tenant_id WHERE g.tenant_id = $1 AND g.id = $2`,
      [target.tenantId, target.groupId],
    );
    if (!row) throw AppError.notFound("Ce groupe de travail n'existe plus.");
    const { status, purpose, rules, confidentiality, ...view } = row;
    const closed =
      status === WorkingGroupStatus.ACTIVE
        ? null
        : status === WorkingGroupStatus.PAUSED
          ? "Ce groupe de travail est en pause : il n'accueille pas de nouveaux membres pour l'instant."
          : "Ce groupe de travail est clos : il n'accueille plus de nouveaux membres.";
    return { ...view, frame: { purpose, rules, confidentiality }, closed };
  }

  /** Whether the caller manages the group: asked once per request and group (the page reads the link and the requests). */
  private manages(groupId: string): Promise<boolean> {
    return scopedLoader<string, boolean>(JoinRequestsService.prototype.manages, async (ids) => {
      const answers: boolean[] = [];
      for (const id of ids) {
        try {
          await this.groups.requireManager(id);
          answers.push(true);
        } catch (err) {
          if (err instanceof AppError && (err.code === ErrorCode.FORBIDDEN || err.code === ErrorCode.NOT_FOUND)) answers.push(false);
          else throw err;
        }
      }
      return answers;
    }).load(groupId);
  }

  private async matches(email: string): Promise<JoinRequestMatch[]> {
    return (await this.persons.withEmail(email)).map((p) => ({
      professionalId: p.id,
      name: `${p.lastName} ${p.firstName}`,
      professionCode: p.professionCode,
    }));
  }

  /** A pending request the caller may answer (a referent of its group, or the team). */
  private async forDecision(id: string): Promise<{ groupId: string; email: string; firstName: string }> {
    const [request] = await this.db.tenantRows<{ groupId: string; email: string; firstName: string; status: string }>(
      `SELECT group_id AS "groupId", email, first_name AS "firstName", status FROM working_group_join_requests WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), id],
    );
    if (!request) throw AppError.notFound(NOT_FOUND);
    await this.groups.requireManager(request.groupId);
    if (request.status !== JoinRequestStatus.PENDING) throw AppError.conflict('Cette demande a déjà reçu une réponse.');
    return request;
  }

  private async decide(id: string, status: JoinRequestStatus, professionalId: string | null): Promise<void> {
    await this.db.tenantRows(
      `UPDATE working_group_join_requests SET status = $3, decided_at = now(), decided_by = $4, professional_id = $5 WHERE tenant_id = $1 AND id = $2`,
      [requireTenantId(), id, status, requirePrincipal().userId, professionalId],
    );
  }

  private async names(groupId: string): Promise<{ name: string; cptsName: string }> {
    const [row] = await this.db.tenantRows<{ name: string; cptsName: string }>(
      `SELECT g.name, t.name AS "cptsName" FROM working_groups g JOIN tenants t ON t.id = g.tenant_id WHERE g.tenant_id = $1 AND g.id = $2`,
      [requireTenantId(), groupId],
    );
    return row;
  }

  private async one(id: string): Promise<WorkingGroupJoinRequest> {
    const [row] = await this.db.tenantRows<Omit<WorkingGroupJoinRequest, 'matches'>>(
      `SELECT ${REQUEST_COLUMNS} FROM working_group_join_requests r WHERE r.tenant_id = $1 AND r.id = $2`,
      [requireTenantId(), id],
    );
    return { ...row, matches: await this.matches(row.email) };
  }
}

/** The join page's API: /api/public/working-groups/<token> (read) and /join-requests (the form). Limited per client address, as all of /api/public/. */
@Controller('api/public/working-groups')
export class JoinRequestsController {
  constructor(private readonly requests: JoinRequestsService) {}

  @Get(':token')
  @Public()
  @Header('cache-control', 'no-store')
  group(@Param('token') token: string): Promise<JoinView> {
    return this.requests.view(token);
  }

  @Post(':token/join-requests')
  @Public()
  @HttpCode(201)
  @Header('cache-control', 'no-store')
  ask(@Param('token') token: string, @Body() body: unknown): Promise<{ received: true }> {
    return this.requests.ask(token, body);
  }
}

const READERS = [...CPTS_TEAM, Role.BOARD_MEMBER, Role.MEMBER];

@Resolver(() => WorkingGroup)
export class JoinRequestsResolver {
  constructor(private readonly requests: JoinRequestsService) {}

  @ResolveField(() => [WorkingGroupJoinRequest], {
    description: 'Requests to join waiting for an answer (for the referents and the team; empty for others).',
  })
  joinRequests(@Parent() group: WorkingGroup): Promise<WorkingGroupJoinRequest[]> {
    return this.requests.pending(group.id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The link to paste in a newsletter to let people ask to join (referents and team; null for others).',
  })
  joinUrl(@Parent() group: WorkingGroup): Promise<string | null> {
    return this.requests.joinUrl(group);
  }

  @Mutation(() => WorkingGroupJoinRequest, {
    description:
      'Accepts a request: the person of the directory (the one with its address, or the one named) joins the group as a member, and is told by email.',
  })
  @Allow(...READERS)
  acceptWorkingGroupJoinRequest(
    @Args('id', { type: () => ID }, UuidPipe) id: string,
    @Args('professionalId', { type: () => ID, nullable: true }, UuidPipe) professionalId: string | null,
  ): Promise<WorkingGroupJoinRequest> {
    return this.requests.accept(id, professionalId ?? null);
  }

  @Mutation(() => WorkingGroupJoinRequest, { description: 'Declines a request to join.' })
  @Allow(...READERS)
  declineWorkingGroupJoinRequest(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<WorkingGroupJoinRequest> {
    return this.requests.decline(id);
  }
}
