import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthEnv } from '@cpts/platform-config';
import { AppError, isTenantRole, Principal, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { AccessTokenService } from './access-token.service';
import { RateLimiter } from './rate-limiter';
import { emailKey, hashToken, newToken, verifyPassword } from './secrets';

export interface IssuedTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Limits on sign-in attempts, shared by every gateway replica through Redis. */
export const LOGIN_LIMITS = {
  perIp: { max: 30, windowSeconds: 15 * 60 },
  /** Failed attempts per account before it is paused for the rest of the window. */
  perAccount: { max: 5, windowSeconds: 15 * 60 },
};

/** A refresh token used again within this delay is a second tab racing, not a thief. */
const REFRESH_REUSE_GRACE_MS = 20_000;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const BAD_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.';
const SESSION_EXPIRED = 'Votre session a expiré. Reconnectez-vous.';

/**
 * Sign-in, sessions and their tokens. A session is created at sign-in and
 * holds the active CPTS; it is extended by rotating refresh tokens (stored
 * hashed, single use) and ended by sign-out or by reuse of a stolen token.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly tokens: AccessTokenService,
    private readonly limiter: RateLimiter,
    private readonly env: AuthEnv,
  ) {}

  /** Checks a password (passport's local strategy calls this). Rate-limited per IP and per account. */
  async verifyCredentials(email: string, password: string, ip: string | null): Promise<{ id: string; email: string }> {
    const normalized = normalizeEmail(email);
    const accountLimit = { key: `login-account:${emailKey(normalized)}`, ...LOGIN_LIMITS.perAccount };
    await this.limiter.hit({ key: `login-ip:${ip ?? 'unknown'}`, ...LOGIN_LIMITS.perIp });
    await this.limiter.check(accountLimit);
    const [user] = (await this.db.rows(`SELECT id, email, password_hash, disabled_at FROM users WHERE email = $1`, [normalized])) as Array<{
      id: string;
      email: string;
      password_hash: string | null;
      disabled_at: Date | null;
    }>;
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!ok || !user) {
      await this.limiter.record(accountLimit);
      throw AppError.unauthenticated(BAD_CREDENTIALS);
    }
    if (user.disabled_at) throw AppError.unauthenticated('Ce compte est désactivé. Contactez votre coordination.');
    await this.limiter.reset(accountLimit.key);
    return { id: user.id, email: user.email };
  }

  /** Opens a session after a successful sign-in, on the CPTS the person used last. */
  async openSession(userId: string, client: ClientInfo): Promise<IssuedTokens> {
    const [user] = await this.db.rows<{ last_tenant_id: string | null }>(`SELECT last_tenant_id FROM users WHERE id = $1`, [userId]);
    const tenantId = await this.defaultTenant(userId, user?.last_tenant_id ?? null);
    const sessionId = randomUUID();
    await this.db.rows(`INSERT INTO sessions (id, user_id, active_tenant_id, user_agent, ip) VALUES ($1, $2, $3, $4, $5)`, [
      sessionId,
      userId,
      tenantId,
      client.userAgent?.slice(0, 300) ?? null,
      client.ip,
    ]);
    await this.db.rows(`UPDATE users SET last_login_at = now() WHERE id = $1`, [userId]);
    return this.issue(userId, sessionId, tenantId);
  }

  /** Exchanges a refresh token for a new pair; the old one is spent. */
  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const [row] = (await this.db.rows(
      `SELECT rt.id, rt.session_id, rt.expires_at, rt.used_at, s.user_id, s.active_tenant_id, s.revoked_at, u.disabled_at
       FROM refresh_tokens rt JOIN sessions s ON s.id = rt.session_id JOIN users u ON u.id = s.user_id
       WHERE rt.token_hash = $1 FOR UPDATE OF rt`,
      [hashToken(refreshToken)],
    )) as Array<{
      id: string;
      session_id: string;
      expires_at: Date;
      used_at: Date | null;
      user_id: string;
      active_tenant_id: string | null;
      revoked_at: Date | null;
      disabled_at: Date | null;
    }>;
    if (!row || row.revoked_at || row.disabled_at || row.expires_at.getTime() <= Date.now()) throw AppError.unauthenticated(SESSION_EXPIRED);
    if (row.used_at && Date.now() - row.used_at.getTime() > REFRESH_REUSE_GRACE_MS) {
      // A spent token came back: someone holds a copy. End the session for everyone.
      // Outside the request transaction on purpose: the error below rolls that one back.
      await this.db.dataSource.query(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [row.session_id]);
      throw AppError.unauthenticated(SESSION_EXPIRED);
    }
    if (!row.used_at) await this.db.rows(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [row.id]);
    await this.db.rows(`UPDATE sessions SET last_used_at = now() WHERE id = $1`, [row.session_id]);
    const tenantId = await this.defaultTenant(row.user_id, row.active_tenant_id);
    if (tenantId !== row.active_tenant_id) await this.db.rows(`UPDATE sessions SET active_tenant_id = $2 WHERE id = $1`, [row.session_id, tenantId]);
    return this.issue(row.user_id, row.session_id, tenantId);
  }

  /** Ends a session: its refresh tokens stop working at once. */
  async revokeSession(sessionId: string): Promise<void> {
    await this.db.rows(`UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  async sessionOfRefreshToken(refreshToken: string): Promise<string | null> {
    const [row] = await this.db.rows<{ session_id: string }>(`SELECT session_id FROM refresh_tokens WHERE token_hash = $1`, [hashToken(refreshToken)]);
    return row?.session_id ?? null;
  }

  /** Makes another CPTS where the person holds a role the active one of this session. */
  async switchTenant(principal: Principal, tenantId: string): Promise<IssuedTokens> {
    const roles = await this.db.rows(`SELECT 1 FROM role_assignments WHERE user_id = $1 AND tenant_id = $2`, [principal.userId, tenantId]);
    if (roles.length === 0) throw AppError.forbidden("Vous n'avez pas de rôle dans cette CPTS.");
    const [session] = await this.db.rows(`UPDATE sessions SET active_tenant_id = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [
      principal.sessionId,
      tenantId,
    ]);
    if (!session) throw AppError.unauthenticated(SESSION_EXPIRED);
    await this.db.rows(`UPDATE users SET last_tenant_id = $2 WHERE id = $1`, [principal.userId, tenantId]);
    return this.issue(principal.userId, principal.sessionId, tenantId);
  }

  /** Revokes every session of a person (after a password reset). */
  async revokeAllSessions(userId: string): Promise<void> {
    await this.db.rows(`UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  /** The principal as it stands in the database now. */
  async loadPrincipal(userId: string, sessionId: string, tenantId: string | null): Promise<Principal> {
    const rows = (await this.db.rows(`SELECT role, region_id, tenant_id FROM role_assignments WHERE user_id = $1`, [userId])) as Array<{
      role: Role;
      region_id: string | null;
      tenant_id: string | null;
    }>;
    return {
      userId,
      sessionId,
      tenantId,
      tenantRoles: rows.filter((r) => tenantId && r.tenant_id === tenantId && isTenantRole(r.role)).map((r) => r.role),
      regionRoles: rows.filter((r) => r.region_id).map((r) => ({ role: r.role, regionId: r.region_id as string })),
      platformAdmin: rows.some((r) => r.role === Role.PLATFORM_ADMIN),
    };
  }

  /** `preferred` if the person still holds a role there, else their first CPTS by name, else none. */
  private async defaultTenant(userId: string, preferred: string | null): Promise<string | null> {
    const rows = (await this.db.rows(
      `SELECT ra.tenant_id FROM role_assignments ra JOIN tenants t ON t.id = ra.tenant_id
       WHERE ra.user_id = $1 ORDER BY (ra.tenant_id = $2) DESC NULLS LAST, t.name LIMIT 1`,
      [userId, preferred],
    )) as Array<{ tenant_id: string }>;
    return rows[0]?.tenant_id ?? null;
  }

  private async issue(userId: string, sessionId: string, tenantId: string | null): Promise<IssuedTokens> {
    const principal = await this.loadPrincipal(userId, sessionId, tenantId);
    const access = this.tokens.sign(principal);
    const refreshToken = newToken();
    const refreshTokenExpiresAt = new Date(Date.now() + this.env.REFRESH_TTL_DAYS * 24 * 3600 * 1000);
    await this.db.rows(`INSERT INTO refresh_tokens (id, session_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      randomUUID(),
      sessionId,
      hashToken(refreshToken),
      refreshTokenExpiresAt,
    ]);
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt };
  }
}
