import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, CPTS_TEAM, hasAnyRole, hasRole, requirePrincipal, requireTenantId, Role } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { euros } from './decision-emails';
import { DecisionsService } from './decisions.service';
import {
  DelegationInput,
  DelegationSettings,
  InstanceKind,
  SpendingCheck,
  SpendingRequest,
  SpendingRequestInput,
  SpendingRoute,
} from './governance.types';
import { InstancesService } from './instances.service';
import { Treasurer } from './treasurer';

/** Typical delegation: the staff alone up to 2,000 EUR, the bureau up to 10,000 EUR, the CA above. */
export const DEFAULT_DELEGATION: Omit<DelegationSettings, 'canCheck'> = { staffLimitCents: 200_000, bureauLimitCents: 1_000_000 };
/** A spending put to a vote closes in a week unless the team says otherwise. */
const DEFAULT_VOTE_DAYS = 7;

/**
 * Spending under the delegation levels: the team records a spending; under
 * the first threshold it is approved by rule and waits for the treasurer's
 * after-the-fact check (checked, or queried with a note); above, it opens a
 * decision of the bureau, or of the CA above the second threshold, at once.
 */
@Injectable()
export class SpendingService {
  constructor(
    private readonly db: Db,
    private readonly instances: InstancesService,
    private readonly decisions: DecisionsService,
    private readonly treasurer: Treasurer,
  ) {}

  async settings(): Promise<DelegationSettings> {
    this.instances.requireReader();
    return this.current();
  }

  async updateSettings(input: DelegationInput): Promise<DelegationSettings> {
    if (!hasRole(requirePrincipal(), Role.COORDINATOR))
      throw AppError.forbidden('Seul·e le ou la coordinateur·rice modifie les seuils de délégation.');
    if (input.bureauLimitCents < input.staffLimitCents)
      throw AppError.field('bureauLimitCents', "Le seuil du bureau ne peut pas être inférieur à celui de l'équipe.");
    await this.db.tenantRows(
      `INSERT INTO governance_settings (tenant_id, staff_limit_cents, bureau_limit_cents, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id) DO UPDATE SET staff_limit_cents = $2, bureau_limit_cents = $3, updated_at = now(), updated_by = $4`,
      [requireTenantId(), input.staffLimitCents, input.bureauLimitCents, requirePrincipal().userId],
    );
    return this.current();
  }

  async list(): Promise<SpendingRequest[]> {
    this.instances.requireReader();
    return this.rows(null);
  }

  async record(input: SpendingRequestInput): Promise<SpendingRequest> {
    this.instances.requireTeam();
    const tenantId = requireTenantId();
    // The thresholds as they are now decide the route, once: a later change does not move a recorded spending.
    const [limits] = await this.db.tenantRows<Omit<DelegationSettings, 'canCheck'>>(
      `SELECT staff_limit_cents::float8 AS "staffLimitCents", bureau_limit_cents::float8 AS "bureauLimitCents" FROM governance_settings WHERE tenant_id = $1 FOR SHARE`,
      [tenantId],
    );
    const { staffLimitCents, bureauLimitCents } = limits ?? DEFAULT_DELEGATION;
    const route =
      input.amountCents <= staffLimitCents
        ? SpendingRoute.STAFF
        : input.amountCents <= bureauLimitCents
          ? SpendingRoute.BUREAU
          : SpendingRoute.CA;
    const id = randomUUID();
    let decisionId: string | null = null;
    if (route !== SpendingRoute.STAFF) {
      const kind = route === SpendingRoute.BUREAU ? InstanceKind.BUREAU : InstanceKind.CA;
      const instance = await this.instances.ofKind(kind);
      if (!instance)
        throw AppError.conflict(
          `Au-delà de ${euros(route === SpendingRoute.BUREAU ? staffLimitCents : bureauLimitCents)}, cette dépense revient ${kind === InstanceKind.BUREAU ? 'au bureau' : "au conseil d'administration"}, que la CPTS n'a pas encore créé dans Gouvernance.`,
        );
      const deadline = input.deadline ?? new Date(Date.now() + DEFAULT_VOTE_DAYS * 86_400_000);
      decisionId = randomUUID();
      await this.db.tenantRows(
        `INSERT INTO governance_decisions (tenant_id, id, instance_id, source, title, context, question, options, amount_cents, missions, deadline, created_by, updated_by)
         VALUES ($1, $2, $3, 'spending', $4, $5, $6, ARRAY['for', 'against', 'abstain'], $7, $8, $9, $10, $10)`,
        [
          tenantId,
          decisionId,
          instance.id,
          `Dépense : ${input.purpose}`.slice(0, 200),
          `Dépense de ${euros(input.amountCents)} enregistrée par l'équipe, au-delà du seuil de délégation (${euros(route === SpendingRoute.BUREAU ? staffLimitCents : bureauLimitCents)}).`,
          `Approuvez-vous la dépense de ${euros(input.amountCents)} : ${input.purpose} ?`.slice(0, 1000),
          input.amountCents,
          input.mission ? [input.mission] : [],
          deadline,
          requirePrincipal().userId,
        ],
      );
      await this.decisions.openRow(decisionId, instance.id, deadline, { spending: id });
    }
    await this.db.tenantRows(
      `INSERT INTO spending_requests (tenant_id, id, amount_cents, purpose, mission, requested_by, route, decision_id, check_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        tenantId,
        id,
        input.amountCents,
        input.purpose,
        input.mission ?? null,
        requirePrincipal().userId,
        route,
        decisionId,
        route === SpendingRoute.STAFF ? SpendingCheck.PENDING : null,
      ],
    );
    return this.get(id);
  }

  /** The treasurer (the bureau's current treasurer, signed in) or the coordinator checks a spending the staff approved alone. */
  async check(id: string, status: SpendingCheck, note: string | null): Promise<SpendingRequest> {
    const tenantId = requireTenantId();
    if (status === SpendingCheck.PENDING) throw AppError.field('status', 'Choisissez : vérifiée ou à éclaircir.');
    if (status === SpendingCheck.QUERIED && !note) throw AppError.field('note', 'Dites ce qui est à éclaircir.');
    const [row] = await this.db.tenantRows<{ route: SpendingRoute }>(
      `SELECT route FROM spending_requests WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, id],
    );
    if (!row || !hasAnyRole(requirePrincipal(), [...CPTS_TEAM, Role.BOARD_MEMBER])) throw AppError.notFound('Dépense introuvable.');
    if (row.route !== SpendingRoute.STAFF)
      throw AppError.conflict("Cette dépense a été soumise au vote : elle n'attend pas de contrôle a posteriori.");
    if (!(await this.mayCheck()))
      throw AppError.forbidden('Le contrôle a posteriori revient au trésorier ou à la trésorière (ou au coordinateur).');
    await this.db.tenantRows(
      `UPDATE spending_requests SET check_status = $3, checked_at = now(), checked_by = $4, check_note = $5 WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, status, requirePrincipal().userId, note],
    );
    return this.get(id);
  }

  private async get(id: string): Promise<SpendingRequest> {
    const [row] = await this.rows(id);
    return row;
  }

  private async current(): Promise<DelegationSettings> {
    const [row] = await this.db.tenantRows<Omit<DelegationSettings, 'canCheck'>>(
      `SELECT staff_limit_cents::float8 AS "staffLimitCents", bureau_limit_cents::float8 AS "bureauLimitCents" FROM governance_settings WHERE tenant_id = $1`,
      [requireTenantId()],
    );
    return { ...(row ?? DEFAULT_DELEGATION), canCheck: await this.mayCheck() };
  }

  private async mayCheck(): Promise<boolean> {
    return (
      hasRole(requirePrincipal(), Role.COORDINATOR) || (hasRole(requirePrincipal(), Role.BOARD_MEMBER) && (await this.treasurer.isCaller()))
    );
  }

  private rows(id: string | null): Promise<SpendingRequest[]> {
    return this.db.tenantRows<SpendingRequest>(
      `SELECT s.id, s.amount_cents::float8 AS "amountCents", s.purpose, s.mission, s.requested_at AS "requestedAt", ru.display_name AS "requestedByName", s.route,
              s.decision_id AS "decisionId", d.status AS "decisionStatus", d.outcome AS "decisionOutcome", s.check_status AS "check", s.checked_at AS "checkedAt",
              cu.display_name AS "checkedByName", s.check_note AS "checkNote"
       FROM spending_requests s LEFT JOIN users ru ON ru.id = s.requested_by LEFT JOIN users cu ON cu.id = s.checked_by
       LEFT JOIN governance_decisions d ON d.tenant_id = s.tenant_id AND d.id = s.decision_id
       WHERE s.tenant_id = $1 ${id ? 'AND s.id = $2' : ''} ORDER BY s.check_status = 'pending' DESC NULLS LAST, s.requested_at DESC, s.id LIMIT 500`,
      id ? [requireTenantId(), id] : [requireTenantId()],
    );
  }
}
