import { Args, Context, Field, ID, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsEmail, MaxLength } from 'class-validator';
import { AppError, Allow, Public, requirePrincipal, requireTenantId, Role, UuidPipe } from '@cpts/platform-core';
import { GraphQLContext } from './graphql-context';
import { AcceptInvitationInput, InviteToCptsInput, InviteToRegionInput, ResetPasswordInput } from './identity.inputs';
import { AcceptInvitationResult, Invitation, InvitationPreview } from './identity.types';
import { InvitationsService } from './invitations.service';
import { OrganisationService } from './organisation.service';
import { PasswordResetService } from './password-reset.service';

@InputType()
export class EmailInput {
  @Field()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email: string;
}

@Resolver()
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly resets: PasswordResetService,
    private readonly organisation: OrganisationService,
  ) {}

  // --- Login-free links -----------------------------------------------------

  @Query(() => InvitationPreview, { description: 'What an invitation link is for, before accepting it.' })
  @Public()
  invitationPreview(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<InvitationPreview> {
    return this.invitations.preview(token, ctx.req.ip);
  }

  @Mutation(() => AcceptInvitationResult)
  @Public()
  acceptInvitation(@Args('input') input: AcceptInvitationInput, @Context() ctx: GraphQLContext): Promise<AcceptInvitationResult> {
    return this.invitations.accept(input.token, input, ctx.req.ip);
  }

  @Mutation(() => Boolean, { description: 'Emails a reset link if the address has an account; the answer is the same either way.' })
  @Public()
  async requestPasswordReset(@Args('input') input: EmailInput, @Context() ctx: GraphQLContext): Promise<boolean> {
    await this.resets.request(input.email, ctx.req.ip);
    return true;
  }

  @Mutation(() => AcceptInvitationResult, { description: 'Sets a new password from an emailed link; signs out every session.' })
  @Public()
  async resetPassword(@Args('input') input: ResetPasswordInput, @Context() ctx: GraphQLContext): Promise<AcceptInvitationResult> {
    const { email } = await this.resets.reset(input.token, input.password, ctx.req.ip);
    return { email, accountCreated: false };
  }

  // --- The CPTS team invites -------------------------------------------------

  @Mutation(() => Invitation, { description: 'Invites someone to the active CPTS. Only a coordinator may invite a coordinator.' })
  @Allow(Role.COORDINATOR, Role.STAFF)
  async inviteToCpts(@Args('input') input: InviteToCptsInput): Promise<Invitation> {
    const principal = requirePrincipal();
    if (input.role === Role.COORDINATOR && !principal.tenantRoles.includes(Role.COORDINATOR)) {
      throw AppError.forbidden('Seul·e un·e coordinateur·rice peut inviter un·e coordinateur·rice.');
    }
    const tenantId = requireTenantId();
    const id = await this.invitations.invite({ email: input.email, role: input.role, target: { tenantId }, invitedBy: principal.userId });
    return this.find(await this.invitations.listForTenant(tenantId), id);
  }

  @Query(() => [Invitation], { description: 'Invitations of the active CPTS, newest first.' })
  @Allow(Role.COORDINATOR, Role.STAFF)
  cptsInvitations(): Promise<Invitation[]> {
    return this.invitations.listForTenant(requireTenantId());
  }

  @Mutation(() => Boolean)
  @Allow(Role.COORDINATOR, Role.STAFF)
  async revokeCptsInvitation(@Args('id', { type: () => ID }, UuidPipe) id: string): Promise<boolean> {
    await this.invitations.revoke(id, { tenantId: requireTenantId() });
    return true;
  }

  // --- The region invites ------------------------------------------------------

  @Mutation(() => Invitation, { description: "Invites the coordinator of a CPTS of the admin's region." })
  @Allow(Role.REGION_ADMIN)
  async inviteCoordinator(@Args('cptsId', { type: () => ID }, UuidPipe) cptsId: string, @Args('input') input: EmailInput): Promise<Invitation> {
    const principal = requirePrincipal();
    const cpts = await this.organisation.cptsById(cptsId);
    if (!cpts) throw AppError.notFound('CPTS introuvable.');
    this.organisation.adminRegion(principal, cpts.regionId);
    const id = await this.invitations.invite({ email: input.email, role: Role.COORDINATOR, target: { tenantId: cpts.id }, invitedBy: principal.userId });
    return this.find(await this.invitations.listForTenant(cpts.id), id);
  }

  @Mutation(() => Invitation, { description: 'Invites a region admin or a mission officer to the region.' })
  @Allow(Role.REGION_ADMIN)
  async inviteToRegion(@Args('input') input: InviteToRegionInput): Promise<Invitation> {
    const principal = requirePrincipal();
    const regionId = this.organisation.adminRegion(principal, input.regionId);
    const id = await this.invitations.invite({ email: input.email, role: input.role, target: { regionId }, invitedBy: principal.userId });
    return this.find(await this.invitations.listForRegion(regionId), id);
  }

  @Query(() => [Invitation], { description: "Invitations to the admin's region, newest first." })
  @Allow(Role.REGION_ADMIN)
  regionInvitations(@Args('regionId', { type: () => ID, nullable: true }, UuidPipe) regionId?: string): Promise<Invitation[]> {
    return this.invitations.listForRegion(this.organisation.adminRegion(requirePrincipal(), regionId));
  }

  @Mutation(() => Boolean)
  @Allow(Role.REGION_ADMIN)
  async revokeRegionInvitation(@Args('id', { type: () => ID }, UuidPipe) id: string, @Args('regionId', { type: () => ID, nullable: true }, UuidPipe) regionId?: string): Promise<boolean> {
    await this.invitations.revoke(id, { regionId: this.organisation.adminRegion(requirePrincipal(), regionId) });
    return true;
  }

  private find(list: Invitation[], id: string): Invitation {
    const found = list.find((i) => i.id === id);
    if (!found) throw new Error('invitation just created is missing');
    return found;
  }
}
