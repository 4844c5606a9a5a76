import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { blankToNull } from '@cpts/platform-core';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Commune } from '@cpts/platform-reference';
import { CommuneCodeInput, StructureNameInput } from './site-input-fields';

@ObjectType({ description: 'A place where a professional practises (practice, MSP, hospital...).' })
export class ProfessionalSite {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) structureName: string | null;
  @Field(() => String, { nullable: true, description: 'Street address on one line.' }) address: string | null;
  @Field(() => String, { nullable: true }) postalCode: string | null;
  @Field() communeCode: string;
  /** Attached from the reference catalog. */
  @Field(() => Commune) commune: Commune;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true, description: 'L libéral, S salarié, B bénévole (from the national directory).' }) practiceMode:
    string | null;
  @Field({ description: "The person's main site: its commune, structure and phone are the person's." }) isMain: boolean;
  @Field({
    description: 'From the national directory (an import may update or retire it); false: entered by hand (never retired by an import).',
  })
  fromImport: boolean;
  @Field(() => String, { nullable: true, description: "The national directory's technical id of the structure." }) structureId:
    string | null;
  @Field(() => String, { nullable: true }) siret: string | null;
  @Field(() => String, { nullable: true }) finess: string | null;
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'No longer a current site (left the extraction, or removed by the staff).',
  })
  retiredAt: Date | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  professionalId: string;
}


@InputType()
export class ProfessionalSiteInput {
  @StructureNameInput()
  structureName?: string | null;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'Au plus 300 caractères.' })
  address?: string | null;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @Matches(/^\s*[0-9][0-9AB][0-9]{3}\s*$/, { message: 'Le code postal compte 5 chiffres.' })
  postalCode?: string | null;

  @CommuneCodeInput()
  communeCode: string;

  @Field(() => String, { nullable: true })
  @blankToNull()
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: 'Au plus 30 caractères.' })
  phone?: string | null;
}
