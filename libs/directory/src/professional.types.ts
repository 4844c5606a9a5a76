import { ArgsType, Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { blankToNull, ConnectionType, PageArgs } from '@cpts/platform-core';
import { Commune, Profession } from '@cpts/platform-reference';
import { CommuneCodeInput, StructureNameInput } from './sites/site-input-fields';

@ObjectType({ description: 'A health professional practising on the territory of the CPTS.' })
export class Professional {
  @Field(() => ID) id: string;
  @Field() lastName: string;
  @Field() firstName: string;
  @Field() professionCode: string;
  /** Attached from the reference catalog (no statement, no per-node resolver). */
  @Field(() => Profession) profession: Profession;
  @Field(() => String, { nullable: true, description: 'National identifier (RPPS), 11 digits.' }) rpps: string | null;
  @Field() communeCode: string;
  @Field(() => Commune) commune: Commune;
  @Field(() => String, { nullable: true, description: 'Practice, MSP, pharmacy... where the person works.' }) structureName: string | null;
  @Field(() => String, { nullable: true }) email: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) archivedAt: Date | null;
  @Field({ description: "The e-mail is a work address (the structure's): professional information may reach it without prior consent, with a free opt-out." })
  emailIsWork: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'GDPR erasure: identity and contacts are gone.' }) erasedAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime) updatedAt: Date;
  @Field(() => ID, { nullable: true, description: 'The record this one was merged into (it is archived; its address leads there).' })
  mergedInto: string | null;
  searchName: string;
}


export const ProfessionalConnection = ConnectionType(Professional, 'Professional');

@InputType()
export class ProfessionalFilter {
  @Field({ nullable: true, description: 'Start of a word of the name ("dup", "marie d"); accents and case ignored.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @Matches(/^[0-9]{2}$/, { each: true, message: 'Code de profession invalide.' })
  professionCodes?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(/^[0-9][0-9AB][0-9]{3}$/, { each: true, message: 'Code INSEE invalide.' })
  communeCodes?: string[];

  @Field({ nullable: true, defaultValue: false, description: 'Archived professionals only (false: active ones only).' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;
}

@InputType()
export class ProfessionalInput {
  @Field()
  @IsString()
  @MinLength(1, { message: 'Le nom est obligatoire.' })
  @MaxLength(100, { message: 'Le nom ne peut pas dépasser 100 caractères.' })
  lastName: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'Le prénom est obligatoire.' })
  @MaxLength(100, { message: 'Le prénom ne peut pas dépasser 100 caractères.' })
  firstName: string;

  @Field()
  @Matches(/^[0-9]{2}$/, { message: 'Choisissez une profession.' })
  professionCode: string;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @Matches(/^\s*[0-9 ]{11,16}\s*$/, { message: 'Le numéro RPPS compte 11 chiffres.' })
  rpps?: string | null;

  @CommuneCodeInput()
  communeCode: string;

  @StructureNameInput()
  structureName?: string | null;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(30)
  phone?: string | null;

  @Field({ nullable: true, defaultValue: true, description: 'The e-mail is a work address (default: yes, as in the national directory).' })
  @IsOptional()
  @IsBoolean()
  emailIsWork?: boolean;
}

@ArgsType()
export class ProfessionalsArgs extends PageArgs({ defaultSize: 20, maxSize: 100, noun: ['élément', 'éléments'] }) {
  @Field(() => ProfessionalFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProfessionalFilter)
  filter?: ProfessionalFilter | null;
}
