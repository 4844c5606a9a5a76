import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { blankToNull, ConnectionType, PageArgs } from '@cpts/platform-core';
import { MembershipCollege, Profession } from '@cpts/platform-reference';
import { Professional } from '../professional.types';

export enum MembershipStatus {
  PENDING = 'pending',
  ACTIVE = 'active',
  LAPSED = 'lapsed',
  RESIGNED = 'resigned',
}
registerEnumType(MembershipStatus, {
  name: 'MembershipStatus',
  description: 'pending (renewal opened, not paid yet), active (adhérent), lapsed (not renewed), resigned (left).',
});

export enum PaymentMeans {
  CHEQUE = 'cheque',
  TRANSFER = 'transfer',
  CARD = 'card',
  CASH = 'cash',
  OTHER = 'other',
}
registerEnumType(PaymentMeans, { name: 'PaymentMeans' });

// The colleges are shared with governance (the CA's seats, the AG's results per college).
export { MembershipCollege };

/** French names, for the person's history. */
export const STATUS_LABELS: Record<MembershipStatus, string> = { pending: 'en attente', active: 'active', lapsed: 'non renouvelée', resigned: 'démission' };

@ObjectType({ description: "A person's membership (adhésion) of the CPTS for one year." })
export class Membership {
  @Field(() => ID) id: string;
  @Field(() => ID) professionalId: string;
  /** Attached by the list queries; resolved by id elsewhere. */
  professional?: Professional;
  @Field(() => Int) year: number;
  @Field(() => MembershipStatus) status: MembershipStatus;
  @Field(() => Int, { description: 'The fee in euro cents; 0 for a free membership.' }) feeCents: number;
  @Field(() => String, { nullable: true, description: 'Payment date, YYYY-MM-DD.' }) paidOn: string | null;
  @Field(() => PaymentMeans, { nullable: true }) paymentMeans: PaymentMeans | null;
  @Field(() => MembershipCollege) college: MembershipCollege;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
}

export const MembershipConnection = ConnectionType(Membership, 'Membership');

@ObjectType({ description: 'A membership year: opened by the staff for renewal, or holding memberships entered by hand.' })
export class MembershipYear {
  @Field(() => Int) year: number;
  @Field(() => Int, { nullable: true, description: 'The fee proposed when the year was opened; null when it was never opened.' }) defaultFeeCents: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) openedAt: Date | null;
  @Field(() => Int, { description: 'Memberships of the year, any status.' }) membershipCount: number;
}

@ObjectType({ description: 'The result of opening a membership year.' })
export class OpenedMembershipYear {
  @Field(() => MembershipYear) year: MembershipYear;
  @Field(() => Int, { description: 'Pending memberships created now (0 when run again).' }) created: number;
}

@ObjectType({ description: 'Memberships of a year by status.' })
export class MembershipStatusCounts {
  @Field(() => Int) pending: number;
  @Field(() => Int, { description: 'The members (adhérents) of the year.' }) active: number;
  @Field(() => Int) lapsed: number;
  @Field(() => Int) resigned: number;
  @Field(() => Int) total: number;
}

@ObjectType()
export class ProfessionMembershipCounts extends MembershipStatusCounts {
  @Field(() => Profession) profession: Profession;
}

@ObjectType({ description: 'Memberships of a year per profession: the figure the CPTS reports every year (active members per profession).' })
export class MembershipCounts {
  @Field(() => Int) year: number;
  @Field(() => [ProfessionMembershipCounts], { description: 'By profession label.' }) byProfession: ProfessionMembershipCounts[];
  @Field(() => MembershipStatusCounts) totals: MembershipStatusCounts;
}

@ObjectType({ description: 'A member of the previous year who is not an active member of this one.' })
export class LapsedMember {
  @Field(() => Professional) professional: Professional;
  @Field(() => Membership, { description: 'The active membership of the previous year.' }) previous: Membership;
  @Field(() => Membership, { nullable: true, description: "This year's membership, if any (pending, lapsed, resigned)." }) current: Membership | null;
}


@InputType({ description: "A person's membership of one year: without id it creates one, with id it changes that one." })
export class MembershipInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'Identifiant invalide.' })
  id?: string | null;

  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  professionalId: string;

  @Field(() => Int)
  @IsInt({ message: "L'année doit être un nombre entier." })
  @Min(2000, { message: "L'année doit être 2000 ou après." })
  @Max(2200, { message: "L'année est trop loin dans le futur." })
  year: number;

  @Field(() => MembershipStatus)
  @IsEnum(MembershipStatus, { message: 'Statut inconnu.' })
  status: MembershipStatus;

  @Field(() => Int)
  @IsInt({ message: 'La cotisation doit être un nombre entier de centimes.' })
  @Min(0, { message: 'La cotisation ne peut pas être négative.' })
  @Max(100_000_00, { message: 'La cotisation ne peut pas dépasser 100 000 €.' })
  feeCents: number;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @blankToNull()
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Date invalide (AAAA-MM-JJ).' })
  paidOn?: string | null;

  @Field(() => PaymentMeans, { nullable: true })
  @IsOptional()
  @IsEnum(PaymentMeans, { message: 'Moyen de paiement inconnu.' })
  paymentMeans?: PaymentMeans | null;

  @Field(() => MembershipCollege)
  @IsEnum(MembershipCollege, { message: 'Collège inconnu.' })
  college: MembershipCollege;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'Au plus 1000 caractères.' })
  note?: string | null;
}

@ArgsType()
export class MembershipsArgs extends PageArgs({ defaultSize: 50, maxSize: 200, noun: ['élément', 'éléments'] }) {
  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2200)
  year: number;

  @Field(() => MembershipStatus, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipStatus)
  status?: MembershipStatus | null;

  @Field(() => String, { nullable: true, description: 'Start of a word of the name; accents and case ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class OpenMembershipYearArgs {
  @Field(() => Int)
  @IsInt()
  @Min(2000, { message: "L'année doit être 2000 ou après." })
  @Max(2200, { message: "L'année est trop loin dans le futur." })
  year: number;

  @Field(() => Int, { description: 'The fee of the pending memberships created, in cents (0: free).' })
  @IsInt({ message: 'La cotisation doit être un nombre entier de centimes.' })
  @Min(0, { message: 'La cotisation ne peut pas être négative.' })
  @Max(100_000_00, { message: 'La cotisation ne peut pas dépasser 100 000 €.' })
  defaultFeeCents: number;
}
