import { INSTANCE_OWNER } from '@cpts/governance';
import { amountForMinutes, durationLabel, MEETING_SOURCE, PaymentKind } from '@cpts/payments';
import { Db } from '@cpts/platform-db';

/**
 * The payments of the demo, written as PaymentLinesService writes them
 * (the migrator has no request scope for it: see demo-governance.ts), with
 * the library's arithmetic for the amounts; the decree's rules it checks
 * line by line (an active membership in the year of the work, the person's
 * year within the PASS) are checked here over everything written, so a demo
 * that broke them would fail to load rather than show impossible figures.
 */

/** A paid line: the day of the transfer, its bank reference, who marked it and when. */
export interface DemoPayment {
  on: string;
  reference: string;
  at: Date;
  by: string;
}

export interface DemoPaymentLine {
  professionalId: string;
  kind: PaymentKind;
  /** YYYY-MM-DD, the Paris day of the work. */
  workDate: string;
  minutes: number | null;
  amountCents: number;
  label: string;
  source: string;
  sourceRef: string;
  createdAt: Date;
  createdBy: string;
  paid?: DemoPayment;
}

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** "12/03/2026" from "2026-03-12", as the payments' labels write a day. */
export const frenchDay = (isoDay: string) => isoDay.split('-').reverse().join('/');

export async function insertPaymentLines(db: Db, tenantId: string, lines: DemoPaymentLine[]): Promise<void> {
  if (lines.length === 0) return;
  for (const l of lines)
    if (!Number.isSafeInteger(l.amountCents) || l.amountCents <= 0)
      throw new Error(`a demo payment line of ${l.amountCents} cents: « ${l.label} »`);
  await db.tenantRows(
    `INSERT INTO payment_lines (tenant_id, id, professional_id, kind, work_date, year, minutes, amount_cents, label, source, source_ref, status,
                                paid_on, paid_reference, paid_at, paid_by, created_at, created_by)
     SELECT $1, gen_random_uuid(), u.professional_id, u.kind, u.work_date, extract(year FROM u.work_date)::int, u.minutes, u.amount_cents, u.label, u.source, u.source_ref,
            CASE WHEN u.paid_on IS NULL THEN 'to_pay' ELSE 'paid' END, u.paid_on, u.paid_reference, u.paid_at, u.paid_by, u.created_at, u.created_by
     FROM unnest($2::uuid[], $3::text[], $4::date[], $5::int[], $6::bigint[], $7::text[], $8::text[], $9::uuid[], $10::date[], $11::text[], $12::timestamptz[],
                 $13::uuid[], $14::timestamptz[], $15::uuid[])
       AS u(professional_id, kind, work_date, minutes, amount_cents, label, source, source_ref, paid_on, paid_reference, paid_at, paid_by, created_at, created_by)`,
    [
      tenantId,
      lines.map((l) => l.professionalId),
      lines.map((l) => l.kind),
      lines.map((l) => l.workDate),
      lines.map((l) => l.minutes),
      lines.map((l) => l.amountCents),
      lines.map((l) => l.label.slice(0, 300)),
      lines.map((l) => l.source),
      lines.map((l) => l.sourceRef),
      lines.map((l) => l.paid?.on ?? null),
      lines.map((l) => l.paid?.reference ?? null),
      lines.map((l) => l.paid?.at ?? null),
      lines.map((l) => l.paid?.by ?? null),
      lines.map((l) => l.createdAt),
      lines.map((l) => l.createdBy),
    ],
  );
}

/**
 * The CPTS's indemnity rate (its règlement intérieur, set by the
 * coordinator) and the indemnités of the last instance meeting held, as
 * MeetingIndemnitiesService.generate writes them: one line per professional
 * present or by video who is a member that year, the meeting's length at
 * the rate, half-up to the cent. Those it would skip (not members) are left
 * out likewise. Paid a month after the meeting when that is past.
 */
export async function seedMeetingIndemnities(db: Db, tenantId: string, coordinatorId: string, rateCents: number): Promise<void> {
  const [meeting] = await db.tenantRows<{ id: string; title: string; ownerName: string; day: string; minutes: number; endsAt: Date }>(
    `SELECT id, title, owner_name AS "ownerName", to_char(starts_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day,
            floor(extract(epoch FROM ends_at - starts_at) / 60)::int AS minutes, ends_at AS "endsAt"
     FROM meetings WHERE tenant_id = $1 AND owner_kind = $2 AND status = 'scheduled' AND ends_at <= now() ORDER BY starts_at DESC, id LIMIT 1`,
    [tenantId, INSTANCE_OWNER],
  );
  const generatedAt = meeting ? new Date(meeting.endsAt.getTime() + 8 * 86_400_000) : new Date();
  await db.tenantRows(
    `INSERT INTO payment_settings (tenant_id, indemnity_hourly_rate_cents, updated_at, updated_by) VALUES ($1, $2, $3, $4)`,
    [tenantId, rateCents, new Date(generatedAt.getTime() - 3_600_000), coordinatorId],
  );
  if (!meeting) return;
  const year = Number(meeting.day.slice(0, 4));
  const attended = await db.tenantRows<{ professionalId: string }>(
    `SELECT DISTINCT i.professional_id AS "professionalId" FROM meeting_invitees i
     WHERE i.tenant_id = $1 AND i.meeting_id = $2 AND i.professional_id IS NOT NULL AND i.attendance IN ('present', 'video')
       AND EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = i.tenant_id AND s.professional_id = i.professional_id AND s.year = $3 AND s.status = 'active')`,
    [tenantId, meeting.id, year],
  );
  const paidAt = new Date(meeting.endsAt.getTime() + 30 * 86_400_000);
  const paidOn = PARIS_DAY.format(paidAt);
  const paid: DemoPayment | undefined =
    paidAt.getTime() < Date.now()
      ? { on: paidOn, reference: `VIR-${paidOn.slice(0, 4)}-${paidOn.slice(5).replace('-', '')}-IND`, at: paidAt, by: coordinatorId }
      : undefined;
  await insertPaymentLines(
    db,
    tenantId,
    attended.map(({ professionalId }) => ({
      professionalId,
      kind: PaymentKind.INDEMNITY,
      workDate: meeting.day,
      minutes: meeting.minutes,
      amountCents: amountForMinutes(meeting.minutes, rateCents),
      label: `${meeting.ownerName} : « ${meeting.title} » du ${frenchDay(meeting.day)} (${durationLabel(meeting.minutes)})`,
      source: MEETING_SOURCE,
      sourceRef: meeting.id,
      createdAt: generatedAt,
      createdBy: coordinatorId,
      paid,
    })),
  );
}

/**
 * What PaymentLinesService.place refuses, over the CPTS's every line: a
 * line (not cancelled) of someone without an active membership in the year
 * of the work, a year without a PASS, a person's year above it.
 */
export async function checkPaymentRules(db: Db, tenantId: string): Promise<void> {
  const broken = await db.tenantRows<{ problem: string }>(
    `SELECT 'no membership in ' || l.year || ': ' || l.label AS problem FROM payment_lines l
     WHERE l.tenant_id = $1 AND l.status <> 'cancelled'
       AND NOT EXISTS (SELECT 1 FROM memberships s WHERE s.tenant_id = l.tenant_id AND s.professional_id = l.professional_id AND s.year = l.year AND s.status = 'active')
     UNION ALL
     SELECT 'over the PASS of ' || t.year || ' (or none entered): ' || t.total || ' cents for ' || t.professional_id FROM (
       SELECT l.professional_id, l.year, sum(l.amount_cents) AS total FROM payment_lines l WHERE l.tenant_id = $1 AND l.status <> 'cancelled' GROUP BY l.professional_id, l.year
     ) t LEFT JOIN pass_ceilings c ON c.year = t.year WHERE c.amount_cents IS NULL OR t.total > c.amount_cents`,
    [tenantId],
  );
  if (broken.length > 0) throw new Error(`the demo's payment lines break the decree's rules: ${broken.map((b) => b.problem).join('; ')}`);
}
