import { Transform, Type } from 'class-transformer';
import {
  IsDefined,
  IsEmail,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { blankToNull, collapseSpaces } from '@cpts/platform-core';
import { ProjectFormInput } from '../calls.types';

/*
 * The bodies of the public routes, checked by the gateway's validation pipe
 * like any GraphQL input (French field errors, unknown fields refused):
 * each message is written by hand so that a field shows one sentence.
 */

const lowerCase = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/**
 * A name, profession or commune: required unless an RPPS number is given
 * (the number alone finds the person; unknown to the directory, the entry
 * then asks for the rest with its own French messages).
 */
const requiredWithoutRpps = (message: string) =>
  ValidateBy({
    name: 'requiredWithoutRpps',
    validator: {
      validate: (value: unknown, args?: ValidationArguments) =>
        Boolean((args?.object as IdentityBody | undefined)?.rpps) || (typeof value === 'string' && value.length > 0),
      defaultMessage: () => message,
    },
  });

/** Who a person says they are (the proposer, or a co-carrier they name): matched to the directory, or entered in it. */
export class IdentityBody {
  @IsOptional()
  @blankToNull()
  @IsString({ message: 'Numéro RPPS invalide : vérifiez les 11 chiffres.' })
  @MaxLength(20, { message: 'Numéro RPPS invalide : vérifiez les 11 chiffres.' })
  rpps: string | null = null;

  @collapseSpaces()
  @IsString({ message: 'Indiquez le prénom.' })
  @requiredWithoutRpps('Indiquez le prénom.')
  @MaxLength(100, { message: 'Un prénom compte au plus 100 caractères.' })
  firstName: string = '';

  @collapseSpaces()
  @IsString({ message: 'Indiquez le nom.' })
  @requiredWithoutRpps('Indiquez le nom.')
  @MaxLength(100, { message: 'Un nom compte au plus 100 caractères.' })
  lastName: string = '';

  @collapseSpaces()
  @IsString({ message: 'Choisissez la profession.' })
  @requiredWithoutRpps('Choisissez la profession.')
  @MaxLength(10, { message: 'Profession inconnue.' })
  professionCode: string = '';

  @collapseSpaces()
  @IsString({ message: "Choisissez la commune d'exercice." })
  @requiredWithoutRpps("Choisissez la commune d'exercice.")
  @MaxLength(10, { message: 'Commune inconnue.' })
  communeCode: string = '';
}

/** The call's page: "Proposer un projet". */
export class ProposalBody extends IdentityBody {
  @lowerCase()
  @IsEmail({}, { message: 'Adresse e-mail invalide : le lien de votre projet y sera envoyé.' })
  @MaxLength(254, { message: 'Adresse e-mail trop longue.' })
  email: string;

  @collapseSpaces()
  @IsString({ message: 'Donnez un titre à votre projet.' })
  @MinLength(1, { message: 'Donnez un titre à votre projet.' })
  @MaxLength(200, { message: 'Un titre compte au plus 200 caractères.' })
  title: string;
}

/** "Recevoir à nouveau mon lien". */
export class LinksBody {
  @lowerCase()
  @IsEmail({}, { message: 'Adresse e-mail invalide.' })
  @MaxLength(254, { message: 'Adresse e-mail trop longue.' })
  email: string;
}

/** The form's autosave. */
export class ProjectFormBody {
  @IsDefined({ message: 'Le formulaire du projet manque.' })
  @ValidateNested()
  @Type(() => ProjectFormInput)
  form: ProjectFormInput;
}

/** A message to the team. */
export class CommentBody {
  @IsString({ message: 'Écrivez votre message.' })
  @MaxLength(4000, { message: 'Un message compte au plus 4 000 caractères.' })
  body: string;
}
