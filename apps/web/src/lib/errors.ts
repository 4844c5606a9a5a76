import type { CombinedError } from 'urql';
import i18n from '../i18n';

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL' | 'NETWORK';

export interface AppError {
  code: ErrorCode;
  /** French, from the server when it said something, else ours. */
  message: string;
  /** Messages per input field (`email`, `rpps`, ...). */
  fields: Record<string, string>;
}

/** What the UI needs from a urql error: one code, one French message, field messages. */
export function toAppError(error: CombinedError | undefined | null): AppError | null {
  if (!error) return null;
  if (error.networkError && !error.graphQLErrors.length) {
    return { code: 'NETWORK', message: i18n.t('errors.network'), fields: {} };
  }
  const first = error.graphQLErrors[0];
  const code = (first?.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL';
  const fields: Record<string, string> = {};
  for (const err of error.graphQLErrors) {
    const list = (err.extensions?.fields as Array<{ field: string; message: string }> | undefined) ?? [];
    for (const f of list) {
      const name = f.field.replace(/^input\./, '');
      fields[name] ??= f.message;
    }
  }
  const message = code === 'INTERNAL' ? i18n.t('errors.internal') : first?.message || i18n.t('errors.internal');
  return { code, message, fields };
}

/** The JSON error body of an HTTP route of the API (uploads, exports): same shape as GraphQL errors. */
export function errorFromBody(body: unknown): AppError {
  const first = (body as { errors?: Array<{ message?: string; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } }> } | null)?.errors?.[0];
  const code = (first?.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL';
  const fields = Object.fromEntries((first?.extensions?.fields ?? []).map((f) => [f.field, f.message]));
  return { code, message: code === 'INTERNAL' || !first?.message ? i18n.t('errors.internal') : first.message, fields };
}

/**
 * The error to show above a form whose fields show their own messages: the
 * whole error when no field shows it (or it says more than its one field),
 * "fix the fields" when several fields have one, else nothing.
 */
export function formLevelError(error: AppError | null, shown: (field: string) => boolean): AppError | null {
  if (!error) return null;
  const fields = Object.keys(error.fields);
  if (fields.length === 0 || !fields.every(shown)) return error;
  if (fields.length > 1) return { ...error, message: i18n.t('form.fixFields') };
  return error.fields[fields[0]] === error.message ? null : error;
}
