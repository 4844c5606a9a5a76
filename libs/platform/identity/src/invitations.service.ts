import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { MailEnv } from '@cpts/platform-config';
import { AppError, ErrorCode, isTenantRole, Role, ROLE_LABELS_FR } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { MailOutbox } from '@cpts/platform-mail';
import { normalizeEmail } from './auth.service';
import { invitationEmail } from './identity-emails';
import { Invitation, InvitationPreview } from './identity.types';
import { RateLimiter } from './rate-limiter';
import { hashPassword, hashToken, newToken, passwordProblem } from './secrets';

export const INVITATION_TTL_DAYS = 7;

export type InvitationTarget = { tenantId: string; regionId?: never } | { regionId: string; tenantId?: never };

interface InvitationRowSql {
  id: string;
  email: string;
  role: Role;
  tenant_id: string | null;
  region_id: string | null;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

const LINK_LIMIT = { max: 30, windowSeconds: 15 * 60 };

/**
 * Invitations by email: a single-use link (token stored hashed) that expires
 * after a week. Accepting creates the account (or reuses an existing one) and
 * grants the role. Inviting again replaces the pending invitation.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly db: Db,
    private readonly outbox: MailOutbox,
    private readonly limiter: RateLimiter,
    private readonly mailEnv: MailEnv,
  ) {}

  async invite(params: { email: string; role: Role; target: InvitationTarget; invitedBy: string }): Promise<string> {
    const email = normalizeEmail(params.email);
    const { role, target } = params;
    if (isTenantRole(role) !== Boolean(target.tenantId)) throw new Error('role and invitation target do not match');

    const existing = await this.db.rows(
      `SELECT 1 FROM role_assignments ra JOIN users u ON u.id = ra.user_id
       WHERE u.email = $1 AND ra.role = $2 AND ra.tenant_id IS NOT DISTINCT FROM $3 AND ra.region_id IS NOT DISTINCT FROM $4`,
      [email, role, target.tenantId ?? null, target.regionId ?? null],
    );
    if (existing.length > 0) {
      throw AppError.conflict(`Cette personne a déjà le rôle ${ROLE_LABELS_FR[role].toLowerCase()} ici.`, [{ field: 'email', message: 'Déjà membre avec ce rôle.' }]);
    }

    const [organisation] = target.tenantId
      ? await this.db.rows<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [target.tenantId])
      : await this.db.rows<{ name: string }>(`SELECT network_name || ' (' || name || ')' AS name FROM regions WHERE id = $1`, [target.regionId]);
    if (!organisation) throw AppError.notFound('Organisation introuvable.');
    const [inviter] = await this.db.rows<{ display_name: string }>(`SELECT display_name FROM users WHERE id = $1`, [params.invitedBy]);

    await this.db.rows(
      `UPDATE invitations SET revoked_at = now()
       WHERE email = $1 AND role = $2 AND tenant_id IS NOT DISTINCT FROM $3 AND region_id IS NOT DISTINCT FROM $4
         AND accepted_at IS NULL AND revoked_at IS NULL`,
      [email, role, target.tenantId ?? null, target.regionId ?? null],
    );

    const token = newToken();
    const id = randomUUID();
    const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
    const mailId = await this.outbox.add({
      kind: 'invitation',
      to: email,
      tenantId: target.tenantId ?? null,
      email: invitationEmail({ appUrl: this.mailEnv.APP_URL, inviterName: inviter?.display_name ?? null, role, organisationName: organisation.name, expiresAt }),
      secret: token,
    });
    await this.db.rows(
      `INSERT INTO invitations (id, email, role, tenant_id, region_id, token_hash, expires_at, invited_by, mail_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, email, role, target.tenantId ?? null, target.regionId ?? null, hashToken(token), expiresAt, params.invitedBy, mailId],
    );
    return id;
  }

  async preview(token: string, ip: string | null): Promise<InvitationPreview> {
    await this.limiter.hit({ key: `invitation-ip:${ip ?? 'unknown'}`, ...LINK_LIMIT });
    const [row] = (await this.db.rows(
      `SELECT i.id, i.email, i.role, i.tenant_id, i.region_id, i.expires_at, i.accepted_at, i.revoked_at,
              coalesce(t.name, r.network_name || ' (' || r.name || ')') AS organisation_name,
              EXISTS (SELECT 1 FROM users u WHERE u.email = i.email) AS account_exists
       FROM invitations i LEFT JOIN tenants t ON t.id = i.tenant_id LEFT JOIN regions r ON r.id = i.region_id
       WHERE i.token_hash = $1`,
      [hashToken(token)],
    )) as Array<InvitationRowSql & { organisation_name: string; account_exists: boolean }>;
    this.assertUsable(row);
    return { email: row.email, role: row.role, organisationName: row.organisation_name, expiresAt: row.expires_at, accountExists: row.account_exists };
  }

  /** Accepts an invitation; returns the email of the account to sign in with. */
  async accept(token: string, input: { displayName?: string; password?: string }, ip: string | null): Promise<{ email: string; accountCreated: boolean }> {
    await this.limiter.hit({ key: `invitation-ip:${ip ?? 'unknown'}`, ...LINK_LIMIT });
    const [row] = (await this.db.rows(`SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE`, [hashToken(token)])) as InvitationRowSql[];
    this.assertUsable(row);

    let [user] = (await this.db.rows(`SELECT id FROM users WHERE email = $1`, [row.email])) as Array<{ id: string }>;
    const accountCreated = !user;
    if (!user) {
      const displayName = input.displayName?.trim() ?? '';
      if (displayName.length < 2) throw AppError.field('displayName', 'Indiquez votre nom (2 caractères au moins).');
      const problem = passwordProblem(input.password ?? '', row.email);
      if (problem) throw AppError.field('password', problem);
      user = { id: randomUUID() };
      await this.db.rows(`INSERT INTO users (id, email, display_name, password_hash, last_tenant_id) VALUES ($1, $2, $3, $4, $5)`, [
        user.id,
        row.email,
        displayName,
        await hashPassword(input.password as string),
        row.tenant_id,
      ]);
    }
    await this.db.rows(
      `INSERT INTO role_assignments (id, user_id, role, tenant_id, region_id, created_by)
       SELECT $1, $2, $3, $4, $5, i.invited_by FROM invitations i WHERE i.id = $6
       ON CONFLICT DO NOTHING`,
      [randomUUID(), user.id, row.role, row.tenant_id, row.region_id, row.id],
    );
    await this.db.rows(`UPDATE invitations SET accepted_at = now() WHERE id = $1`, [row.id]);
    return { email: row.email, accountCreated };
  }

  async listForTenant(tenantId: string): Promise<Invitation[]> {
    return this.list(`i.tenant_id = $1`, tenantId);
  }

  async listForRegion(regionId: string): Promise<Invitation[]> {
    return this.list(`i.region_id = $1`, regionId);
  }

  /** Revokes a pending invitation of the given CPTS or region; NOT_FOUND elsewhere. */
  async revoke(id: string, target: InvitationTarget): Promise<void> {
    const rows = await this.db.rows(
      `UPDATE invitations SET revoked_at = now()
       WHERE id = $1 AND tenant_id IS NOT DISTINCT FROM $2 AND region_id IS NOT DISTINCT FROM $3 AND accepted_at IS NULL AND revoked_at IS NULL
       RETURNING id`,
      [id, target.tenantId ?? null, target.regionId ?? null],
    );
    if (rows.length === 0) throw AppError.notFound('Invitation introuvable ou déjà utilisée.');
  }

  private async list(where: string, param: string): Promise<Invitation[]> {
    return this.db.rows<Invitation>(
      `SELECT i.id, i.email, i.role, i.created_at AS "createdAt", i.expires_at AS "expiresAt", i.accepted_at AS "acceptedAt",
              i.revoked_at AS "revokedAt", u.display_name AS "invitedByName", mo.state AS "mailState", mo.last_error AS "mailError"
       FROM invitations i
       LEFT JOIN users u ON u.id = i.invited_by
       LEFT JOIN mail_outbox mo ON mo.id = i.mail_id
       WHERE ${where}
       ORDER BY i.created_at DESC LIMIT 200`,
      [param],
    );
  }

  private assertUsable(row: InvitationRowSql | undefined): asserts row is InvitationRowSql {
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, "Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet.", [], { reason: 'INVALID' });
    if (row.accepted_at) throw new AppError(ErrorCode.NOT_FOUND, 'Cette invitation a déjà été acceptée. Connectez-vous avec votre adresse e-mail.', [], { reason: 'USED' });
    if (row.revoked_at) throw new AppError(ErrorCode.NOT_FOUND, "Cette invitation a été annulée ou remplacée par une plus récente.", [], { reason: 'REVOKED' });
    if (row.expires_at.getTime() <= Date.now()) {
      throw new AppError(ErrorCode.NOT_FOUND, "Ce lien d'invitation a expiré. Demandez à la personne qui vous a invité·e de vous en renvoyer un.", [], { reason: 'EXPIRED' });
    }
  }
}
