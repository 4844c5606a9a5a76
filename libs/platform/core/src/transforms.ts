import { Transform } from 'class-transformer';

/**
 * Optional text from a form: blank means "none" (null), anything else is
 * kept without its surrounding spaces, so the checks that follow (length,
 * pattern) see what will be stored.
 */
export const blankToNull = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value));
