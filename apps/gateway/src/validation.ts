import { ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError, FieldError } from '@cpts/platform-core';

/** French wording of class-validator's constraints, for messages not written by hand. */
const FRENCH: Record<string, (args: string[]) => string> = {
  isEmail: () => 'Adresse e-mail invalide.',
  isNotEmpty: () => 'Ce champ est obligatoire.',
  isDefined: () => 'Ce champ est obligatoire.',
  isString: () => 'Ce champ doit être un texte.',
  isInt: () => 'Ce champ doit être un nombre entier.',
  isBoolean: () => 'Ce champ doit valoir vrai ou faux.',
  isUuid: () => 'Identifiant invalide.',
  isIn: () => 'Valeur non autorisée.',
  isEnum: () => 'Valeur non autorisée.',
  matches: () => 'Format invalide.',
  minLength: ([n]) => `Au moins ${n} caractère${Number(n) > 1 ? 's' : ''}.`,
  maxLength: ([n]) => `Au plus ${n} caractère${Number(n) > 1 ? 's' : ''}.`,
  min: ([n]) => `La valeur minimale est ${n}.`,
  max: ([n]) => `La valeur maximale est ${n}.`,
  arrayMinSize: ([n]) => `Choisissez au moins ${n} élément${Number(n) > 1 ? 's' : ''}.`,
  arrayMaxSize: ([n]) => `Au plus ${n} élément${Number(n) > 1 ? 's' : ''}.`,
  whitelistValidation: () => 'Champ inconnu.',
};

/**
 * A message is written by hand (in French) when it does not start with the
 * property name, which is how class-validator's English defaults begin.
 */
function frenchMessage(error: ValidationError, constraint: string, message: string): string {
  if (constraint === 'whitelistValidation') return FRENCH.whitelistValidation([]);
  if (!message.startsWith(`${error.property} `) && !message.startsWith('each value in')) return message;
  const numbers = message.match(/\d+/g) ?? [];
  return FRENCH[constraint]?.(numbers) ?? 'Valeur invalide.';
}

function collect(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      out.push({ field, message: frenchMessage(error, constraint, message) });
    }
    if (error.children?.length) out.push(...collect(error.children, field));
  }
  return out;
}

/** Validates every GraphQL input class; errors become BAD_USER_INPUT with one French message per field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      return AppError.badInput(fields.length === 1 ? fields[0].message : 'Certains champs sont à corriger.', fields);
    },
  });
}
