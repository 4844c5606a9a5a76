import { ArgsType, Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export enum ConsentPurpose {
  PRO_NEWSLETTER = 'pro_newsletter',
  PUBLIC_NEWSLETTER = 'public_newsletter',
  EVENT_INVITATIONS = 'event_invitations',
  PUBLIC_LISTING = 'public_listing',
}
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description:
    'What a consent is for: the professional newsletter, the general-public newsletter, event invitations, being shown on the public page.',
});

export enum ConsentStatus {
  GIVEN = 'given',
  WITHDRAWN = 'withdrawn',
}
registerEnumType(ConsentStatus, { name: 'ConsentStatus' });

export enum ConsentMethod {
  FORM = 'form',
  IMPORT = 'import',
  PAPER = 'paper',
  REQUEST = 'request',
  UNSUBSCRIBE_LINK = 'unsubscribe_link',
}
registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'How a consent was given or withdrawn (UNSUBSCRIBE_LINK: withdrawals only).',
});

export enum ContactBasisKind {
  CONSENT = 'consent',
  WORK_ADDRESS_OPT_OUT = 'work_address_opt_out',
}
registerEnumType(ContactBasisKind, {
  name: 'ContactBasisKind',
  description:
    'CONSENT: the person consented. WORK_ADDRESS_OPT_OUT: professional information to a work address, with a free opt-out in every message (not a consent).',
});

export enum ContactRefusal {
  NO_EMAIL = 'no_email',
  WITHDRAWN = 'withdrawn',
  NO_CONSENT = 'no_consent',
}
registerEnumType(ContactRefusal, { name: 'ContactRefusal' });

@ObjectType({ description: 'A sentence people consent to, immutable once shown: a proof points at its version.' })
export class ConsentWording {
  @Field() version: string;
  @Field(() => ConsentPurpose) purpose: ConsentPurpose;
  @Field() text: string;
  @Field({ description: 'The version forms show today for its purpose.' }) current: boolean;
}

@ObjectType({ description: 'One consent given or withdrawn: the proof (when, how, which wording, by whom).' })
export class ConsentEvent {
  @Field(() => ID) id: string;
  @Field(() => ConsentPurpose) purpose: ConsentPurpose;
  @Field(() => ConsentStatus, { description: 'GIVEN or WITHDRAWN: what this event did.' }) action: ConsentStatus;
  @Field(() => ConsentMethod) method: ConsentMethod;
  @Field(() => String, { nullable: true }) wordingVersion: string | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => String, { nullable: true, description: 'The staff member who recorded it.' }) recordedByName: string | null;
}

@ObjectType({ description: "A person's standing for one purpose: the consent's state and what the rule allows." })
export class PersonConsent {
  @Field(() => ConsentPurpose) purpose: ConsentPurpose;
  @Field(() => ConsentStatus, { nullable: true, description: 'None: nothing was ever recorded.' }) status: ConsentStatus | null;
  @Field() allowed: boolean;
  @Field(() => ContactBasisKind, { nullable: true }) basis: ContactBasisKind | null;
  @Field(() => ContactRefusal, { nullable: true }) reason: ContactRefusal | null;
  @Field(() => ConsentEvent, { nullable: true }) lastEvent: ConsentEvent | null;
}

const trimmedOrNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

@ArgsType()
export class GiveConsentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  professionalId: string;

  @Field(() => ConsentPurpose)
  @IsEnum(ConsentPurpose, { message: 'Finalité inconnue.' })
  purpose: ConsentPurpose;

  @Field(() => ConsentMethod)
  @IsEnum(ConsentMethod, { message: 'Mode de recueil inconnu.' })
  method: ConsentMethod;

  @Field({ description: 'The version of the sentence the person agreed to (consentWordings).' })
  @IsString()
  @MaxLength(60, { message: 'Version de texte inconnue.' })
  wordingVersion: string;

  @Field(() => String, { nullable: true })
  @trimmedOrNull()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'La note ne peut pas dépasser 500 caractères.' })
  note?: string | null;
}

@ArgsType()
export class WithdrawConsentArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  professionalId: string;

  @Field(() => ConsentPurpose)
  @IsEnum(ConsentPurpose, { message: 'Finalité inconnue.' })
  purpose: ConsentPurpose;

  @Field(() => ConsentMethod)
  @IsEnum(ConsentMethod, { message: 'Mode de retrait inconnu.' })
  method: ConsentMethod;

  @Field(() => String, { nullable: true })
  @trimmedOrNull()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'La note ne peut pas dépasser 500 caractères.' })
  note?: string | null;
}
