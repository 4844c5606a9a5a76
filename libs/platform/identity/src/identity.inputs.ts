import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Role, SLUG_LENGTH_MESSAGE, SLUG_MAX_LENGTH } from '@cpts/platform-core';

const EMAIL_MESSAGE = 'Adresse e-mail invalide.';

@InputType()
export class LoginInput {
  @Field()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Saisissez votre mot de passe.' })
  @MaxLength(256)
  password: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @Field({ nullable: true, description: 'Required when the address has no account yet.' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  displayName?: string;

  @Field({ nullable: true, description: 'Required when the address has no account yet.' })
  @IsOptional()
  @IsString()
  @MaxLength(256)
  password?: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token: string;

  @Field()
  @IsString()
  @MaxLength(256)
  password: string;
}

@InputType()
export class InviteToCptsInput {
  @Field()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @Field(() => Role)
  @IsIn([Role.COORDINATOR, Role.STAFF, Role.BOARD_MEMBER, Role.MEMBER], { message: 'Rôle non disponible pour une CPTS.' })
  role: Role;
}

@InputType()
export class InviteToRegionInput {
  @Field()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  email: string;

  @Field(() => Role)
  @IsIn([Role.REGION_ADMIN, Role.MISSION_OFFICER], { message: 'Rôle non disponible pour une région.' })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'Needed only for someone administering several regions.' })
  @IsOptional()
  @IsUUID('all')
  regionId?: string;
}

@InputType()
export class CptsInput {
  @Field()
  @IsString()
  @MinLength(3, { message: 'Le nom doit contenir au moins 3 caractères.' })
  @MaxLength(120, { message: 'Le nom ne peut pas dépasser 120 caractères.' })
  name: string;

  @Field(() => Int)
  @IsInt()
  @Min(1, { message: 'La taille va de 1 à 4.' })
  @Max(4, { message: 'La taille va de 1 à 4.' })
  size: number;

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'Choisissez au moins un département.' })
  @ArrayMaxSize(12)
  @Matches(/^[0-9][0-9AB]$/, { each: true, message: 'Code de département invalide.' })
  departementCodes: string[];

  @Field(() => [String])
  @ArrayMinSize(1, { message: 'Choisissez au moins une commune.' })
  @ArrayMaxSize(1000)
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { each: true, message: 'Code INSEE invalide.' })
  communeCodes: string[];

  @Field(() => Int, { nullable: true, description: 'Defaults to the population of the communes.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000)
  inhabitants?: number | null;

  @Field()
  @IsEmail({}, { message: EMAIL_MESSAGE })
  @MaxLength(254)
  contactEmail: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The address of its public pages (/cpts/<slug>/…). Creation: proposed from the name when absent; edit: unchanged when absent.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(SLUG_MAX_LENGTH, { message: SLUG_LENGTH_MESSAGE })
  slug?: string | null;

  @Field(() => ID, { nullable: true, description: 'Needed only for someone administering several regions (creation).' })
  @IsOptional()
  @IsUUID('all')
  regionId?: string;
}
