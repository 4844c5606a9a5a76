import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const box = new SecretBox('k'.repeat(40));

  it('round-trips and never stores the plain text', () => {
    const sealed = box.seal('token-abc');
    expect(sealed.toString('utf8')).not.toContain('token-abc');
    expect(box.open(sealed)).toBe('token-abc');
  });

  it('refuses a tampered or foreign ciphertext', () => {
    const sealed = box.seal('token-abc');
    sealed[sealed.length - 1] ^= 1;
    expect(() => box.open(sealed)).toThrow();
    expect(() => new SecretBox('o'.repeat(40)).open(box.seal('x'))).toThrow();
  });
});
