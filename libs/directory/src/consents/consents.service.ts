import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, currentScope, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { PersonHistoryService } from '../history/person-history.service';
import { PersonDataPart } from '@cpts/platform-persons';
import {
  ConsentEvent,
  ConsentMethod,
  ConsentPurpose,
  ConsentStatus,
  ConsentWording,
  GiveConsentArgs,
  PersonConsent,
  WithdrawConsentArgs,
} from './consent.types';
import { CONSENT_PURPOSES, contactBasis } from './contact-basis';
import { CONSENT_WORDINGS, currentWording, findWording, METHOD_LABELS, PURPOSE_LABELS } from './wordings';

const EVENT_COLUMNS = `e.id, e.purpose, e.action, e.method, e.wording_version AS "wordingVersion", e.note, e.at, u.display_name AS "recordedByName"`;

/**
 * Consents per purpose with their proof. Every change appends an event
 * (the proof) and moves the current state in the same transaction, under a
 * lock on the person's row so two clicks cannot interleave.
 */
@Injectable()
export class ConsentsService implements PersonDataPart {
  readonly key = 'consents';

  constructor(
    private readonly db: Db,
    private readonly history: PersonHistoryService,
  ) {}

  wordings(): ConsentWording[] {
    return CONSENT_WORDINGS.map((w) => ({
      version: w.version,
      purpose: w.purpose as ConsentPurpose,
      text: w.text,
      current: currentWording(w.purpose).version === w.version,
    }));
  }

  /** The person's standing for every purpose, in the order of CONSENT_PURPOSES. */
  async forPerson(professionalId: string): Promise<PersonConsent[]> {
    const tenantId = requireTenantId();
    const [person] = await this.db.tenantRows<{ email: string | null; emailIsWork: boolean }>(
      `SELECT email, email_is_work AS "emailIsWork" FROM professionals WHERE tenant_id = $1 AND id = $2`,
      [tenantId, professionalId],
    );
    if (!person) throw AppError.notFound('Professionnel introuvable.');
    const rows = await this.db.tenantRows<ConsentEvent & { status: ConsentStatus }>(
      `SELECT c.status, ${EVENT_COLUMNS} FROM consents c
       JOIN consent_events e ON e.tenant_id = c.tenant_id AND e.id = c.event_id
       LEFT JOIN users u ON u.id = e.recorded_by
       WHERE c.tenant_id = $1 AND c.professional_id = $2`,
      [tenantId, professionalId],
    );
    return CONSENT_PURPOSES.map((purpose) => {
      const row = rows.find((r) => r.purpose === purpose);
      const rule = contactBasis(purpose, row?.status ?? null, person.emailIsWork, person.email !== null);
      const lastEvent = row
        ? {
            id: row.id,
            purpose: row.purpose,
            action: row.action,
            method: row.method,
            wordingVersion: row.wordingVersion,
            note: row.note,
            at: row.at,
            recordedByName: row.recordedByName,
          }
        : null;
      return {
        purpose: purpose as ConsentPurpose,
        status: row?.status ?? null,
        allowed: rule.allowed,
        basis: rule.basis as PersonConsent['basis'],
        reason: rule.reason as PersonConsent['reason'],
        lastEvent,
      };
    });
  }

  /** Every event, newest first: the proof history. */
  events(professionalId: string): Promise<ConsentEvent[]> {
    return this.db.tenantRows<ConsentEvent>(
      `SELECT ${EVENT_COLUMNS} FROM consent_events e LEFT JOIN users u ON u.id = e.recorded_by
       WHERE e.tenant_id = $1 AND e.professional_id = $2 ORDER BY e.at DESC, e.id`,
      [requireTenantId(), professionalId],
    );
  }

  async give(args: GiveConsentArgs): Promise<PersonConsent> {
    if (args.method === ConsentMethod.UNSUBSCRIBE_LINK) {
      throw AppError.field('method', 'Un lien de désinscription retire un consentement, il ne le donne pas.');
    }
    const wording = findWording(args.wordingVersion);
    if (!wording || wording.purpose !== args.purpose) {
      throw AppError.field('wordingVersion', `Version de texte inconnue pour « ${PURPOSE_LABELS[args.purpose]} ».`);
    }
    await this.lockPerson(args.professionalId);
    await this.append(args.professionalId, args.purpose, ConsentStatus.GIVEN, args.method, wording.version, args.note ?? null);
    await this.history.record(
      args.professionalId,
      'consent.given',
      `Consentement « ${PURPOSE_LABELS[args.purpose]} » donné (${METHOD_LABELS[args.method]}, version ${wording.version}).`,
      { purpose: args.purpose, method: args.method, wordingVersion: wording.version, note: args.note ?? null },
    );
    return this.one(args.professionalId, args.purpose);
  }

  /** One click: nothing to choose but how it came (the staff's form, the person's request, a link). */
  async withdraw(args: WithdrawConsentArgs): Promise<PersonConsent> {
    await this.lockPerson(args.professionalId);
    const [current] = await this.db.tenantRows<{ status: string }>(
      `SELECT status FROM consents WHERE tenant_id = $1 AND professional_id = $2 AND purpose = $3`,
      [requireTenantId(), args.professionalId, args.purpose],
    );
    // Already withdrawn: a second click (or a second unsubscribe link) changes nothing and proves nothing new.
    if (current?.status === ConsentStatus.WITHDRAWN) return this.one(args.professionalId, args.purpose);
    await this.append(args.professionalId, args.purpose, ConsentStatus.WITHDRAWN, args.method, null, args.note ?? null);
    const label = PURPOSE_LABELS[args.purpose];
    await this.history.record(
      args.professionalId,
      'consent.withdrawn',
      current
        ? `Consentement « ${label} » retiré (${METHOD_LABELS[args.method]}).`
        : `Opposition enregistrée pour « ${label} » (${METHOD_LABELS[args.method]}).`,
      { purpose: args.purpose, method: args.method, note: args.note ?? null },
    );
    return this.one(args.professionalId, args.purpose);
  }

  private async one(professionalId: string, purpose: ConsentPurpose): Promise<PersonConsent> {
    return (await this.forPerson(professionalId)).find((c) => c.purpose === purpose)!;
  }

  /** Locks the person's row: consents of one person change one at a time. Erased people take no new consent. */
  private async lockPerson(professionalId: string): Promise<void> {
    const [row] = await this.db.tenantRows<{ erased: boolean }>(
      `SELECT erased_at IS NOT NULL AS erased FROM professionals WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [requireTenantId(), professionalId],
    );
    if (!row) throw AppError.notFound('Professionnel introuvable.');
    if (row.erased) throw AppError.conflict('Les données de cette personne ont été effacées.');
  }

  /** The proof and the current state, in the caller's transaction. */
  private async append(
    professionalId: string,
    purpose: ConsentPurpose,
    action: ConsentStatus,
    method: ConsentMethod,
    wordingVersion: string | null,
    note: string | null,
  ): Promise<void> {
    const tenantId = requireTenantId();
    const eventId = randomUUID();
    await this.db.tenantRows(
      `INSERT INTO consent_events (tenant_id, id, professional_id, purpose, action, method, wording_version, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [tenantId, eventId, professionalId, purpose, action, method, wordingVersion, note, currentScope()?.principal?.userId ?? null],
    );
    await this.db.tenantRows(
      `INSERT INTO consents (tenant_id, professional_id, purpose, status, event_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, professional_id, purpose) DO UPDATE SET status = EXCLUDED.status, event_id = EXCLUDED.event_id, updated_at = clock_timestamp()`,
      [tenantId, professionalId, purpose, action, eventId],
    );
  }

  async exportPerson(professionalId: string): Promise<unknown> {
    return { current: await this.forPerson(professionalId), events: await this.events(professionalId) };
  }

  /** The proof stays (dates, purposes, wording versions: no identity); free-text notes may name people and go. */
  async erasePerson(professionalId: string): Promise<void> {
    await this.db.tenantRows(`UPDATE consent_events SET note = NULL WHERE tenant_id = $1 AND professional_id = $2`, [
      requireTenantId(),
      professionalId,
    ]);
  }

  /** Both proof histories move to the kept record; per purpose, the most recent event of either becomes the state. */
  async mergePerson(keptId: string, mergedId: string): Promise<void> {
    const tenantId = requireTenantId();
    await this.db.tenantRows(`DELETE FROM consents WHERE tenant_id = $1 AND professional_id IN ($2, $3)`, [tenantId, keptId, mergedId]);
    await this.db.tenantRows(`UPDATE consent_events SET professional_id = $2 WHERE tenant_id = $1 AND professional_id = $3`, [
      tenantId,
      keptId,
      mergedId,
    ]);
    await this.db.tenantRows(
      `INSERT INTO consents (tenant_id, professional_id, purpose, status, event_id, updated_at)
       SELECT DISTINCT ON (purpose) tenant_id, professional_id, purpose, action, id, at FROM consent_events
       WHERE tenant_id = $1 AND professional_id = $2 ORDER BY purpose, at DESC, id`,
      [tenantId, keptId],
    );
  }
}
