import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A regional network (e.g. Agora Lib' for Nouvelle-Aquitaine) holding many CPTS. */
@Entity({ name: 'regions' })
export class RegionRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { name: 'network_name' }) networkName: string;
  @Column('text', { name: 'insee_region_code' }) inseeRegionCode: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}

/** A CPTS: the tenant. */
@Entity({ name: 'tenants' })
export class TenantRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'region_id' }) regionId: string;
  @Column('text') name: string;
  /** The address of its public pages (/cpts/<slug>/…); every address it had is in tenant_slugs. */
  @Column('text') slug: string;
  @Column('smallint') size: number;
  @Column('text', { name: 'departement_codes', array: true }) departementCodes: string[];
  @Column('text', { name: 'commune_codes', array: true }) communeCodes: string[];
  @Column('int') inhabitants: number;
  @Column('text', { name: 'contact_email' }) contactEmail: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

/** Every public address a CPTS ever had, its current one included: an old link keeps leading to it. */
@Entity({ name: 'tenant_slugs' })
export class TenantSlugRow {
  @PrimaryColumn('text') slug: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

@Entity({ name: 'users' })
export class UserRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  @Column('text', { name: 'password_hash', nullable: true }) passwordHash: string | null;
  @Column('uuid', { name: 'last_tenant_id', nullable: true }) lastTenantId: string | null;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Column('timestamptz', { name: 'last_login_at', nullable: true }) lastLoginAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

@Entity({ name: 'role_assignments' })
export class RoleAssignmentRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('text') role: string;
  @Column('uuid', { name: 'region_id', nullable: true }) regionId: string | null;
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
}

@Entity({ name: 'mission_officer_tenants' })
export class MissionOfficerTenantRow {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('timestamptz', { name: 'assigned_at', default: () => 'now()' }) assignedAt: Date;
  @Column('uuid', { name: 'assigned_by', nullable: true }) assignedBy: string | null;
}

@Entity({ name: 'sessions' })
export class SessionRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'active_tenant_id', nullable: true }) activeTenantId: string | null;
  @Column('text', { name: 'user_agent', nullable: true }) userAgent: string | null;
  @Column('text', { nullable: true }) ip: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_used_at', default: () => 'now()' }) lastUsedAt: Date;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
}

@Entity({ name: 'refresh_tokens' })
export class RefreshTokenRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'session_id' }) sessionId: string;
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}

@Entity({ name: 'invitations' })
export class InvitationRow {
  @PrimaryColumn('uuid') id: string;
  @Column('text') email: string;
  @Column('text') role: string;
  @Column('uuid', { name: 'region_id', nullable: true }) regionId: string | null;
  @Column('uuid', { name: 'tenant_id', nullable: true }) tenantId: string | null;
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'accepted_at', nullable: true }) acceptedAt: Date | null;
  @Column('timestamptz', { name: 'revoked_at', nullable: true }) revokedAt: Date | null;
  @Column('uuid', { name: 'invited_by', nullable: true }) invitedBy: string | null;
  @Column('uuid', { name: 'mail_id', nullable: true }) mailId: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}

@Entity({ name: 'password_resets' })
export class PasswordResetRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('bytea', { name: 'token_hash' }) tokenHash: Buffer;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'used_at', nullable: true }) usedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}

@Entity({ name: 'regional_access_log' })
export class RegionalAccessLogRow {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'user_id' }) userId: string;
  @Column('uuid', { name: 'tenant_ids', array: true }) tenantIds: string[];
  @Column('text') purpose: string;
  @Column('timestamptz', { default: () => 'now()' }) at: Date;
}

export const identityEntities = [
  RegionRow,
  TenantRow,
  TenantSlugRow,
  UserRow,
  RoleAssignmentRow,
  MissionOfficerTenantRow,
  SessionRow,
  RefreshTokenRow,
  InvitationRow,
  PasswordResetRow,
  RegionalAccessLogRow,
];
