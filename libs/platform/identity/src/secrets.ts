import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';

/**
 * argon2id at OWASP's minimum for argon2id (19 MiB, t=2, p=1): about 20-30 ms
 * per hash on this hardware, which bounds login throughput per core on purpose.
 */
export const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

/** A hash of a random password: verified against when the account does not exist, so timing does not tell. */
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A random token for a link or a cookie (256 bits, URL-safe). Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/** Stable, non-reversible key for an email in rate-limit counters (no personal data in Redis). */
export function emailKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('base64url').slice(0, 22);
}

/** French message for a password that breaks the policy, or null. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN_LENGTH} caractères.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`;
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) return 'Le mot de passe ne peut pas être votre adresse e-mail.';
  if (new Set(password).size < 4) return 'Le mot de passe est trop simple.';
  return null;
}
