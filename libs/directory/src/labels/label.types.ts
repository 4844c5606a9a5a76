import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { collapseSpaces } from '@cpts/platform-core';

@ObjectType({
  description:
    'A label the CPTS defines and puts on professionals (e.g. "formé·e à l\'habituation aux soins TND"); shown on the public page.',
})
export class DirectoryLabel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int, { description: 'Professionals of the directory (not erased) carrying it.' }) professionalCount: number;
}

@InputType()
export class DirectoryLabelInput {
  @Field()
  @collapseSpaces()
  @IsString()
  @MinLength(1, { message: "Le nom de l'étiquette est obligatoire." })
  @MaxLength(120, { message: "Le nom de l'étiquette ne peut pas dépasser 120 caractères." })
  name: string;
}

@ArgsType()
export class SetProfessionalLabelsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'Identifiant invalide.' })
  professionalId: string;

  @Field(() => [ID], { description: 'The full set of labels the person carries after this call.' })
  @ArrayMaxSize(50, { message: 'Au plus 50 étiquettes.' })
  @IsUUID('all', { each: true, message: "Identifiant d'étiquette invalide." })
  labelIds: string[];
}
