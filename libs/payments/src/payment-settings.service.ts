import { Injectable } from '@nestjs/common';
import { AppError, hasRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PaymentSettings } from './payment.types';

/** The CPTS's indemnity rate (its règlement intérieur): set by the coordinator, who changed it and when kept. */
@Injectable()
export class PaymentSettingsService {
  constructor(private readonly db: Db) {}

  async get(): Promise<PaymentSettings> {
    const [row] = await this.db.tenantRows<PaymentSettings>(
      `SELECT s.indemnity_hourly_rate_cents AS "indemnityHourlyRateCents", s.updated_at AS "updatedAt", u.display_name AS "updatedByName"
       FROM payment_settings s LEFT JOIN users u ON u.id = s.updated_by WHERE s.tenant_id = $1`,
      [requireTenantId()],
    );
    return row ?? { indemnityHourlyRateCents: null, updatedAt: null, updatedByName: null };
  }

  async update(indemnityHourlyRateCents: number): Promise<PaymentSettings> {
    if (!hasRole(requirePrincipal(), Role.COORDINATOR))
      throw AppError.forbidden('Seul·e le ou la coordinateur·rice fixe le taux des indemnités (règlement intérieur).');
    await this.db.tenantRows(
      `INSERT INTO payment_settings (tenant_id, indemnity_hourly_rate_cents, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (tenant_id) DO UPDATE SET indemnity_hourly_rate_cents = $2, updated_at = now(), updated_by = $3`,
      [requireTenantId(), indemnityHourlyRateCents, requirePrincipal().userId],
    );
    return this.get();
  }

  /** The rate the indemnities are generated at; a French CONFLICT while the coordinator has not set it. */
  async requireRate(): Promise<number> {
    const { indemnityHourlyRateCents } = await this.get();
    if (indemnityHourlyRateCents === null)
      throw AppError.conflict(
        "Le taux horaire des indemnités n'est pas encore fixé : le ou la coordinateur·rice le saisit dans Paiements (règlement intérieur de la CPTS).",
      );
    return indemnityHourlyRateCents;
  }
}
