import { Injectable } from '@nestjs/common';
import { AppError, requireTenantId } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { INSTANCE_OWNER } from '@cpts/governance';
import { PersonDirectory } from '@cpts/platform-persons';
import { frenchDay } from './dates';
import { amountForMinutes, durationLabel } from './money';
import { PaymentLinesService } from './payment-lines.service';
import { PaymentSettingsService } from './payment-settings.service';
import { AddedPaymentLine, MeetingIndemnities, PaymentKind, SkippedPayment } from './payment.types';
import { PaymentsAccess } from './payments-access';

/** The source of the lines a meeting attended generates (its ref: the meeting). */
export const MEETING_SOURCE = 'meeting';

interface HeldMeeting {
  title: string;
  ownerName: string;
  ownerKind: string;
  cancelled: boolean;
  over: boolean;
  day: string;
  minutes: number;
}

/**
 * The indemnités of governance work: for a meeting of an instance (bureau,
 * CA, AG, commission) that was held, one line per professional who attended
 * (present or by video), at the CPTS's hourly rate for the meeting's length.
 * Run again, it adds only what is missing; everyone it leaves out is listed
 * with the reason (not a member that year, over the PASS, already done).
 */
@Injectable()
export class MeetingIndemnitiesService {
  constructor(
    private readonly db: Db,
    private readonly access: PaymentsAccess,
    private readonly settings: PaymentSettingsService,
    private readonly lines: PaymentLinesService,
    private readonly people: PersonDirectory,
  ) {}

  async generate(meetingId: string): Promise<MeetingIndemnities> {
    this.access.requireTeam();
    const tenantId = requireTenantId();
    const [meeting] = await this.db.tenantRows<HeldMeeting>(
      `SELECT title, owner_name AS "ownerName", owner_kind AS "ownerKind", status = 'cancelled' AS cancelled, ends_at <= now() AS over,
              to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day, floor(extract(epoch FROM ends_at - starts_at) / 60)::int AS minutes
       FROM meetings WHERE tenant_id = $1 AND id = $2`,
      [tenantId, meetingId],
    );
    if (!meeting) throw AppError.notFound('Réunion introuvable.');
    if (meeting.ownerKind !== INSTANCE_OWNER)
      throw AppError.conflict(
        "Les indemnités vont aux réunions des instances (bureau, conseil d'administration, assemblée générale, commissions).",
      );
    if (meeting.cancelled) throw AppError.conflict("Cette réunion a été annulée : elle n'ouvre pas d'indemnités.");
    if (!meeting.over)
      throw AppError.conflict("Cette réunion n'est pas encore terminée : les indemnités se calculent une fois qu'elle a eu lieu.");
    const rate = await this.settings.requireRate();
    const amountCents = amountForMinutes(meeting.minutes, rate);
    if (amountCents === 0) throw AppError.conflict('Au taux de la CPTS, la durée de cette réunion ne donne aucun montant.');

    const attended = await this.db.tenantRows<{ professionalId: string }>(
      `SELECT professional_id AS "professionalId" FROM meeting_invitees
       WHERE tenant_id = $1 AND meeting_id = $2 AND professional_id IS NOT NULL AND attendance IN ('present', 'video') ORDER BY name, id`,
      [tenantId, meetingId],
    );
    // A record merged since the meeting stands for the kept one: one line per person.
    const resolved = await this.people.resolve(attended.map((a) => a.professionalId));
    const personIds = [...new Set(attended.flatMap((a) => resolved.get(a.professionalId)?.id ?? []))];
    const label = `${meeting.ownerName} : « ${meeting.title} » du ${frenchDay(meeting.day)} (${durationLabel(meeting.minutes)})`;
    const created: AddedPaymentLine[] = [];
    const skipped: SkippedPayment[] = [];
    for (const professionalId of personIds) {
      const placement = await this.lines.place({
        professionalId,
        kind: PaymentKind.INDEMNITY,
        workDate: meeting.day,
        minutes: meeting.minutes,
        amountCents,
        label,
        source: MEETING_SOURCE,
        sourceRef: meetingId,
      });
      if (placement.placed) created.push({ line: placement.line, warning: placement.warning });
      else
        skipped.push({
          professionalId: placement.professionalId,
          name: placement.name,
          reason: placement.reason,
          message: placement.message,
        });
    }
    return { meetingId, minutes: meeting.minutes, hourlyRateCents: rate, amountCents, created, skipped };
  }
}
