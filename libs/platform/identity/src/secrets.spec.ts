import argon2 from 'argon2';
import { ARGON2_OPTIONS, hashPassword, hashToken, newToken, passwordProblem, verifyPassword } from './secrets';

describe('secrets', () => {
  it('hashes with argon2id at OWASP minimum parameters or above', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    const params = /m=(\d+),t=(\d+),p=(\d+)/.exec(hash);
    expect(Number(params?.[1])).toBeGreaterThanOrEqual(19456);
    expect(Number(params?.[2])).toBeGreaterThanOrEqual(2);
    expect(Number(params?.[3])).toBe(1);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
    expect(argon2.needsRehash(hash, ARGON2_OPTIONS)).toBe(false);
  });

  it('treats an account without password as a failed check', async () => {
    expect(await verifyPassword(null, 'whatever')).toBe(false);
  });

  it('makes unguessable tokens and stores only their hash', () => {
    const a = newToken();
    const b = newToken();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(hashToken(a)).toHaveLength(32);
    expect(hashToken(a).equals(hashToken(a))).toBe(true);
  });

  it('explains a weak password in French', () => {
    expect(passwordProblem('court', 'a@b.fr')).toMatch(/au moins 12 caractères/);
    expect(passwordProblem('aaaaaaaaaaaaaa', 'a@b.fr')).toMatch(/trop simple/);
    expect(passwordProblem('A@B.fr.A@B.fr', 'a@b.fr.a@b.fr')).toMatch(/adresse e-mail/);
    expect(passwordProblem('une phrase de passe solide', 'a@b.fr')).toBeNull();
  });
});
