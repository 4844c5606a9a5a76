import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, currentScope, requireTenantId } from '@cpts/platform-core';
import { Db, isUniqueViolation } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { membershipSummary } from './membership-format';
import { MembershipInvolvementService } from './membership-involvement.service';
import { checkMembership, MEMBERSHIP_COLUMNS } from './membership-rules';
import { Membership, MembershipInput } from './membership.types';

/**
 * Memberships (adhésions): one per person and year, read, saved and removed
 * one at a time. Every change is written in the person's history and
 * refreshes the involvement level memberships give, in the same transaction.
 * The yearly renewal is MembershipYearsService, the lists and figures
 * MembershipListingsService, the person's file MembershipsPersonData.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
    private readonly involvement: MembershipInvolvementService,
  ) {}

  /** A person's memberships, by person, newest year first. */
  async ofPeople(professionalIds: readonly string[]): Promise<Map<string, Membership[]>> {
    const rows = await this.db.tenantRows<Membership>(
      `SELECT ${MEMBERSHIP_COLUMNS('m')} FROM memberships m WHERE m.tenant_id = $1 AND m.professional_id = ANY($2) ORDER BY m.professional_id, m.year DESC`,
      [requireTenantId(), [...professionalIds]],
    );
    const out = new Map<string, Membership[]>();
    for (const row of rows) out.set(row.professionalId, [...(out.get(row.professionalId) ?? []), row]);
    return out;
  }

  /** One membership of the active CPTS; NOT_FOUND for another CPTS's, as for one that does not exist. */
  async get(id: string): Promise<Membership> {
    const [row] = await this.db.tenantRows<Membership>(`SELECT ${MEMBERSHIP_COLUMNS('m')} FROM memberships m WHERE m.tenant_id = $1 AND m.id = $2`, [requireTenantId(), id]);
    if (!row) throw AppError.notFound('Adhésion introuvable.');
    return row;
  }

  /** Creates (no id) or changes (id) a person's membership of one year. */
  async save(input: MembershipInput): Promise<Membership> {
    const tenantId = requireTenantId();
    const userId = currentScope()?.principal?.userId ?? null;
    const before = input.id ? await this.get(input.id) : null; // NOT_FOUND before any complaint about the input
    if (before && before.professionalId !== input.professionalId) throw AppError.field('professionalId', "Cette adhésion est celle d'une autre personne.");
    const [person] = await this.db.tenantRows<{ archived: boolean; name: string }>(
      `SELECT archived_at IS NOT NULL AS archived, first_name || ' ' || last_name AS name FROM professionals WHERE tenant_id = $1 AND id = $2`,
      [tenantId, input.professionalId],
    );
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    if (person.archived && !before) throw AppError.badInput("Cette fiche est archivée : restaurez-la avant d'y ajouter une adhésion.");
    const clean = checkMembership(input);
    const id = input.id ?? randomUUID();
    try {
      if (before) {
        await this.db.tenantRows(
          `UPDATE memberships SET year = $3, status = $4, fee_cents = $5, paid_on = $6, payment_means = $7, college = $8, note = $9, updated_at = now(), updated_by = $10
           WHERE tenant_id = $1 AND id = $2`,
          [tenantId, id, clean.year, clean.status, clean.feeCents, clean.paidOn, clean.paymentMeans, clean.college, clean.note, userId],
        );
      } else {
        await this.db.tenantRows(
          `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, paid_on, payment_means, college, note, created_by, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
          [tenantId, id, input.professionalId, clean.year, clean.status, clean.feeCents, clean.paidOn, clean.paymentMeans, clean.college, clean.note, userId],
        );
      }
    } catch (err) {
      if (isUniqueViolation(err, 'memberships_person_year_key')) {
        const message = `${person.name} a déjà une adhésion pour ${clean.year} : modifiez-la plutôt.`;
        throw AppError.conflict(message, [{ field: 'year', message: `Une adhésion ${clean.year} existe déjà.` }]);
      }
      throw err;
    }
    const saved = await this.get(id);
    const changedYear = before && before.year !== saved.year ? ` Année corrigée (auparavant ${before.year}).` : '';
    await this.history.record(saved.professionalId, 'membership.saved', `${membershipSummary(saved)}${changedYear}`, {
      membershipId: id,
      year: saved.year,
      status: saved.status,
      feeCents: saved.feeCents,
      paidOn: saved.paidOn,
      paymentMeans: saved.paymentMeans,
      college: saved.college,
      ...(before ? { previous: { year: before.year, status: before.status, feeCents: before.feeCents, paidOn: before.paidOn, paymentMeans: before.paymentMeans } } : {}),
    });
    await this.involvement.refreshInvolvement([saved.professionalId]);
    return saved;
  }

  /** Removes a membership entered by mistake; the history keeps what it said. */
  async remove(id: string): Promise<boolean> {
    const membership = await this.get(id);
    await this.db.tenantRows(`DELETE FROM memberships WHERE tenant_id = $1 AND id = $2`, [requireTenantId(), id]);
    await this.history.record(membership.professionalId, 'membership.deleted', `Adhésion ${membership.year} supprimée (elle indiquait : ${membershipSummary(membership).replace(/^Adhésion \d+ : /, '').replace(/\.$/, '')}).`, {
      membershipId: id,
      year: membership.year,
      status: membership.status,
      feeCents: membership.feeCents,
      paidOn: membership.paidOn,
      paymentMeans: membership.paymentMeans,
    });
    await this.involvement.refreshInvolvement([membership.professionalId]);
    return true;
  }
}
