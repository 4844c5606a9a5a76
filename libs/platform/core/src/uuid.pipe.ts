import { Injectable, PipeTransform } from '@nestjs/common';
import { AppError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** For ID arguments: a malformed id is the caller's mistake (BAD_USER_INPUT), never a database error. */
@Injectable()
export class UuidPipe implements PipeTransform {
  transform(value: unknown): unknown {
    if (value === undefined || value === null) return value;
    const values = Array.isArray(value) ? value : [value];
    if (!values.every(isUuid)) throw AppError.badInput('Identifiant invalide.');
    return Array.isArray(value) ? value.map((v: string) => v.toLowerCase()) : (value as string).toLowerCase();
  }
}
