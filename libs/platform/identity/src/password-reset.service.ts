import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, ErrorCode } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { AuthService, normalizeEmail } from './auth.service';
import { passwordResetEmail } from './identity-emails';
import { RateLimiter } from './rate-limiter';
import { emailKey, hashPassword, hashToken, newToken, passwordProblem } from './secrets';

export const RESET_TTL_MINUTES = 60;

/**
 * "Mot de passe oublié": a single-use link valid one hour. The answer to a
 * request never tells whether the address has an account.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    private readonly limiter: RateLimiter,
    private readonly auth: AuthService,
    private readonly mailEnv: MailEnv,
  ) {}

  async request(emailInput: string, ip: string | null): Promise<void> {
    const email = normalizeEmail(emailInput);
    await this.limiter.hit({ key: `reset-ip:${ip ?? 'unknown'}`, max: 10, windowSeconds: 3600 });
    const [user] = await this.db.rows<{ id: string }>(`SELECT id FROM users WHERE email = $1 AND disabled_at IS NULL`, [email]);
    if (!user) return;
    // Per account, quietly: at most 3 emails an hour, and the answer stays the same.
    const perAccount = { key: `reset-account:${emailKey(email)}`, max: 3, windowSeconds: 3600 };
    try {
      await this.limiter.hit(perAccount);
    } catch (err) {
      if (err instanceof AppError && err.code === ErrorCode.RATE_LIMITED) return;
      throw err;
    }
    const token = newToken();
    const expiresAt = new Date(Date.now() + RESET_TTL_MINUTES * 60 * 1000);
    await this.db.rows(`INSERT INTO password_resets (id, user_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      user.id,
      hashToken(token),
      expiresAt,
    ]);
    await this.outbox.add({ kind: 'password_reset', to: email, email: passwordResetEmail({ appUrl: this.mailEnv.APP_URL, expiresAt }), secret: token });
  }

  /** Sets the new password, spends the link and ends every session of the account. */
  async reset(token: string, password: string, ip: string | null): Promise<{ email: string }> {
    await this.limiter.hit({ key: `reset-ip:${ip ?? 'unknown'}`, max: 10, windowSeconds: 3600 });
    const [row] = await this.db.rows<{ id: string; user_id: string; email: string; expires_at: Date; used_at: Date | null }>(
      `SELECT pr.id, pr.user_id, u.email, pr.expires_at, pr.used_at
       FROM password_resets pr JOIN users u ON u.id = pr.user_id
       WHERE pr.token_hash = $1 FOR UPDATE OF pr`,
      [hashToken(token)],
    );
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, "Ce lien n'est pas valide. Demandez un nouveau lien.", [], { reason: 'INVALID' });
    if (row.used_at) throw new AppError(ErrorCode.NOT_FOUND, 'Ce lien a déjà servi. Demandez un nouveau lien si besoin.', [], { reason: 'USED' });
    if (row.expires_at.getTime() <= Date.now()) {
      throw new AppError(ErrorCode.NOT_FOUND, 'Ce lien a expiré (il est valable une heure). Demandez un nouveau lien.', [], { reason: 'EXPIRED' });
    }
    const problem = passwordProblem(password, row.email);
    if (problem) throw AppError.field('password', problem);
    await this.db.rows(`UPDATE password_resets SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [row.user_id]);
    await this.db.rows(`UPDATE users SET password_hash = $2, updated_at = now() WHERE id = $1`, [row.user_id, await hashPassword(password)]);
    await this.auth.revokeAllSessions(row.user_id);
    await this.limiter.reset(`login-account:${emailKey(row.email)}`);
    return { email: row.email };
  }
}
