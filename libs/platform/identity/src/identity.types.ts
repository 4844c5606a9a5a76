import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@cpts/platform-core';

registerEnumType(Role, { name: 'Role', description: 'What a person may do: platform, region or CPTS level.' });

@ObjectType()
export class Region {
  @Field(() => ID) id: string;
  @Field({ description: 'Administrative region, e.g. Nouvelle-Aquitaine.' }) name: string;
  @Field({ description: "The regional network, e.g. Agora Lib'." }) networkName: string;
  @Field() inseeRegionCode: string;
}

@ObjectType({ description: 'A CPTS: one tenant of the platform.' })
export class Cpts {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field({ description: 'Address of its public pages and email links: /cpts/<slug>/…; former ones redirect to it.' }) slug: string;
  @Field(() => Int, { description: 'Size class 1 to 4 (ACI), by population.' }) size: number;
  @Field(() => [String]) departementCodes: string[];
  @Field(() => [String], { description: 'INSEE codes of the communes of the territory.' }) communeCodes: string[];
  @Field(() => Int) inhabitants: number;
  @Field() contactEmail: string;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  regionId: string;
}

@ObjectType()
export class User {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() displayName: string;
}

@ObjectType({ description: 'The roles a person holds in one CPTS.' })
export class CptsMembership {
  @Field(() => Cpts) cpts: Cpts;
  @Field(() => [Role]) roles: Role[];
}

@ObjectType()
export class RegionRole {
  @Field(() => Region) region: Region;
  @Field(() => Role) role: Role;
}

@ObjectType({ description: 'The signed-in person, their active CPTS and everything they may switch to.' })
export class Me {
  @Field(() => User) user: User;
  @Field(() => Cpts, { nullable: true }) activeCpts: Cpts | null;
  @Field(() => [Role], { description: 'Roles in the active CPTS.' }) activeRoles: Role[];
  @Field(() => [CptsMembership]) memberships: CptsMembership[];
  @Field(() => [RegionRole]) regionRoles: RegionRole[];
  @Field() platformAdmin: boolean;
}

@ObjectType({ description: 'A fresh access token. The refresh token travels in an HttpOnly cookie, never in the body.' })
export class AuthPayload {
  @Field() accessToken: string;
  @Field(() => GraphQLISODateTime) accessTokenExpiresAt: Date;
}

@ObjectType()
export class InvitationPreview {
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field() organisationName: string;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field({ description: 'True when the address already has an account: no password to choose.' }) accountExists: boolean;
}

@ObjectType()
export class AcceptInvitationResult {
  @Field({ description: 'The address to sign in with.' }) email: string;
  @Field() accountCreated: boolean;
}

@ObjectType()
export class Invitation {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field(() => Role) role: Role;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) expiresAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt: Date | null;
  @Field(() => String, { nullable: true }) invitedByName: string | null;
  @Field(() => String, { nullable: true, description: 'Delivery of the email: pending, sent or failed.' }) mailState: string | null;
  @Field(() => String, { nullable: true, description: 'Why the email could not be delivered.' }) mailError: string | null;
}

@ObjectType({ description: 'A person with roles in the CPTS or the region.' })
export class TeamMember {
  @Field(() => User) user: User;
  @Field(() => [Role]) roles: Role[];
  @Field(() => [Cpts], { description: 'For mission officers: the CPTS they follow.' }) followedCpts: Cpts[];
}
