import { Injectable } from '@nestjs/common';
import { requirePrincipal } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PassCeiling } from './payment.types';

/**
 * The plafond annuel de la sécurité sociale per year: one national figure,
 * a platform table (no tenant), entered by the platform admin (the GraphQL
 * operations allow no one else) and read by every CPTS's payments.
 */
@Injectable()
export class PassCeilings {
  constructor(private readonly db: Db) {}

  list(): Promise<PassCeiling[]> {
    return this.db.rows<PassCeiling>(
      `SELECT c.year, c.amount_cents::float8 AS "amountCents", c.updated_at AS "updatedAt", u.display_name AS "updatedByName"
       FROM pass_ceilings c LEFT JOIN users u ON u.id = c.updated_by ORDER BY c.year DESC`,
    );
  }

  async set(year: number, amountCents: number): Promise<PassCeiling> {
    await this.db.rows(
      `INSERT INTO pass_ceilings (year, amount_cents, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET amount_cents = $2, updated_at = now(), updated_by = $3`,
      [year, amountCents, requirePrincipal().userId],
    );
    return (await this.list()).find((c) => c.year === year)!;
  }

  /** The PASS of a year in cents, or null when nobody has entered it yet. */
  async of(year: number): Promise<number | null> {
    const [row] = await this.db.rows<{ amountCents: number }>(
      `SELECT amount_cents::float8 AS "amountCents" FROM pass_ceilings WHERE year = $1`,
      [year],
    );
    return row?.amountCents ?? null;
  }
}
