import { Transform } from 'class-transformer';

/**
 * Optional text from a form: blank means "none" (null), anything else is
 * kept without its surrounding spaces, so the checks that follow (length,
 * pattern) see what will be stored.
 */
export const blankToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));

/** Text from a form, without its surrounding spaces. */
export const trimmed = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A name on one line: trimmed, and each run of spaces inside made one, so "  Parcours   diabète " and "Parcours diabète" are one name. */
export const collapseSpaces = () => Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value));
