import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { NewPaymentLine, PaymentKind, PaymentLinesService } from '@cpts/payments';
import { Role } from '@cpts/platform-core';
import { PersonDataParts } from '@cpts/platform-persons';
import { Db } from '@cpts/platform-db';
import { errorCode, GraphQLClient } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const LINE_FIELDS = `id professionalId professionalName kind workDate year minutes amountCents label source sourceRef status paidOn paidReference cancelReason`;
const YEAR = `query($y: Int!) { paymentYear(year: $y) { year passCents canManage canMarkPaid professionals { professionalId name indemnityCents remunerationCents totalCents paidCents toPayCents passPermille warning } } }`;
const LINES = `query($f: PaymentLinesFilter!) { paymentLines(filter: $f) { ${LINE_FIELDS} } }`;
const STATEMENT = `query($p: ID!, $y: Int!) { paymentStatement(professionalId: $p, year: $y) {
  year cptsName professional { id name rpps professionLabel } lines { ${LINE_FIELDS} }
  indemnityCents remunerationCents totalCents paidCents toPayCents passCents passPermille } }`;
const MARK_PAID = `mutation($i: MarkPaidInput!) { markPaymentLinesPaid(input: $i) { ${LINE_FIELDS} } }`;
const CANCEL = `mutation($id: ID!, $r: String!) { cancelPaymentLine(id: $id, reason: $r) { ${LINE_FIELDS} } }`;
const GENERATE = `mutation($m: ID!) { generateMeetingIndemnities(meetingId: $m) {
  meetingId minutes hourlyRateCents amountCents created { warning line { ${LINE_FIELDS} } } skipped { professionalId name reason message } } }`;
const SETTINGS = `mutation($r: Int!) { updatePaymentSettings(indemnityHourlyRateCents: $r) { indemnityHourlyRateCents updatedByName } }`;
const SET_PASS = `mutation($y: Int!, $a: Float!) { setPassCeiling(year: $y, amountCents: $a) { year amountCents updatedByName } }`;

/** The PASS seeded by the migration, in cents. */
const PASS_2025 = 4_710_000;
const PASS_2026 = 4_806_000;

type Line = {
  id: string;
  professionalId: string;
  sourceRef: string;
  kind: string;
  workDate: string;
  minutes: number | null;
  amountCents: number;
  label: string;
  status: string;
  paidOn: string | null;
  paidReference: string | null;
  cancelReason: string | null;
};
type Generated = {
  meetingId: string;
  minutes: number;
  hourlyRateCents: number;
  amountCents: number;
  created: Array<{ warning: string | null; line: Line }>;
  skipped: Array<{ professionalId: string; name: string; reason: string; message: string }>;
};

/** French figures are written with (narrow) no-break spaces: compared with plain ones. */
const plain = (text: string) => text.replace(/\s/g, ' ');

/**
 * Payments to professionals through the real gateway and the service other
 * modules call, on PostgreSQL: the rules of decree 2022-375 (a current
 * membership, amounts and minutes above zero, the yearly PASS with its 80 %
 * warning, one line at a time per person and year), the indemnities of a
 * meeting of an instance, marking paid and cancelling, the XLSX export, the
 * yearly statement, and who may see any of it.
 */
describe('payments: lines from what happened, the PASS, meeting indemnities, the treasurer', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[] };
  let db: Db;
  let lines: PaymentLinesService;
  let coord: GraphQLClient;
  let staff: GraphQLClient;
  let board: GraphQLClient;
  let treasurer: GraphQLClient;
  let member: GraphQLClient;
  let admin: GraphQLClient;
  const pros: Record<string, string> = {};

  /** Adds a line as another module does, in a transaction of its own (committed when it returns). */
  const add = (line: Partial<NewPaymentLine> & { professionalId: string }) =>
    db.run({ tenantId: tenant.id, label: 'test-payments' }, () =>
      lines.add({
        kind: PaymentKind.REMUNERATION,
        workDate: '2026-03-12',
        minutes: 90,
        amountCents: 15_000,
        label: 'Atelier du 12/03/2026 (1 h 30) — Jeu de prévention',
        source: 'call_workshop',
        sourceRef: randomUUID(),
        ...line,
      }),
    );
  const linesOf = async (professionalId: string) =>
    (
      await h.data.inTenant(tenant.id, (c) =>
        c.query(
          `SELECT amount_cents::int AS amount, status FROM payment_lines WHERE tenant_id = $1 AND professional_id = $2 ORDER BY created_at`,
          [tenant.id, professionalId],
        ),
      )
    ).rows as Array<{ amount: number; status: string }>;
  const member_ = (professionalId: string, year: number) =>
    h.data.inTenant(tenant.id, (c) =>
      c.query(
        `INSERT INTO memberships (tenant_id, id, professional_id, year, status, fee_cents, college) VALUES ($1, $2, $3, $4, 'active', 0, 'liberal')`,
        [tenant.id, randomUUID(), professionalId, year],
      ),
    );
  /** A meeting of the bureau held on `startsAt`, for `minutes`, with its invitees and their attendance. */
  const heldMeeting = async (
    bureauId: string,
    startsAt: string,
    minutes: number,
    invitees: Array<{ professionalId?: string; userId?: string; attendance: string }>,
  ) => {
    const id = randomUUID();
    await h.data.inTenant(tenant.id, async (c) => {
      await c.query(
        `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, title, starts_at, ends_at, place)
         VALUES ($1, $2, 'governance_instance', $3, 'Bureau', 'Bureau de novembre', $4::timestamptz, $4::timestamptz + make_interval(mins => $5), 'Maison de santé')`,
        [tenant.id, id, bureauId, startsAt, minutes],
      );
      for (const i of invitees)
        await c.query(
          `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, user_id, name, attendance) VALUES ($1, $2, $3, $4, $5, 'Invité', $6)`,
          [tenant.id, randomUUID(), id, i.professionalId ?? null, i.userId ?? null, i.attendance],
        );
    });
    return id;
  };

  beforeAll(async () => {
    h = await startHarness();
    db = h.gateway.app.get(Db);
    lines = h.gateway.app.get(PaymentLinesService, { strict: false });
    const regionId = await h.data.region();
    tenant = await h.data.cpts(regionId, { name: 'CPTS Paiements', departement: '24', communes: 1 });
    const signedIn = async (roles: Parameters<Harness['data']['user']>[0], email?: string) =>
      h.signedIn((await h.data.user(roles, email)).email);
    coord = await signedIn([{ role: Role.COORDINATOR, tenantId: tenant.id }]);
    staff = await signedIn([{ role: Role.STAFF, tenantId: tenant.id }]);
    board = await signedIn([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }]);
    treasurer = await signedIn([{ role: Role.BOARD_MEMBER, tenantId: tenant.id }], 'tresoriere@paiements.test');
    member = await signedIn([{ role: Role.MEMBER, tenantId: tenant.id }]);
    admin = await signedIn([{ role: Role.PLATFORM_ADMIN }]);
    for (const name of ['Alice', 'Bruno', 'Chloé', 'David', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Trésa']) {
      pros[name] = await h.data.professional(tenant.id, tenant.communes[0], {
        lastName: name,
        firstName: 'Dr',
        rpps: name === 'Farid' ? '10101010101' : null,
        email: name === 'Trésa' ? 'tresoriere@paiements.test' : null,
      });
    }
    // Everyone is a member of 2025 and 2026 but David (never) and Inès (2025 only).
    for (const name of ['Alice', 'Bruno', 'Chloé', 'Farid', 'Gaëlle', 'Hugo', 'Trésa'])
      for (const year of [2025, 2026]) await member_(pros[name], year);
    await member_(pros['Inès'], 2025);
    // The bureau, its treasurer today being Trésa (the treasurer client signs in with her address).
    const bureau = await coord.ok<{ createGovernanceInstance: { id: string } }>(
      `mutation { createGovernanceInstance(input: { kind: BUREAU }) { id } }`,
    );
    await coord.ok(`mutation($inst: ID!, $i: MandateInput!) { addMandate(instanceId: $inst, input: $i) { id } }`, {
      inst: bureau.createGovernanceInstance.id,
      i: { professionalId: pros['Trésa'], office: 'TREASURER', startsOn: '2025-06-01', obtained: 'ELECTED' },
    });
    pros.bureau = bureau.createGovernanceInstance.id;
  }, 60_000);
  afterAll(() => h.close());

  it('refuses a line to a non-member, an amount or a length of zero or less, in French, and writes nothing', async () => {
    await expect(add({ professionalId: pros['David'] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining("Dr David n'a pas d'adhésion active à la CPTS pour 2026"),
    });
    // A member of 2025 only, for work in 2026: the membership is the work's year's.
    await expect(add({ professionalId: pros['Inès'] })).rejects.toMatchObject({ code: 'CONFLICT' });
    for (const amountCents of [-100, 0, 12.5])
      await expect(add({ professionalId: pros['Alice'], amountCents })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'amountCents', message: 'Le montant doit être un nombre entier de centimes, supérieur à zéro.' }],
      });
    await expect(add({ professionalId: pros['Alice'], minutes: 0 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'minutes' }],
    });
    await expect(add({ professionalId: pros['Alice'], workDate: '2026-02-30' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'workDate' }],
    });
    // An unknown person is NOT_FOUND, whatever the amount.
    await expect(add({ professionalId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    for (const name of ['David', 'Inès', 'Alice']) expect(await linesOf(pros[name])).toEqual([]);
  });

  it('holds each person to the PASS of the year: the warning from 80 %, exactly the PASS accepted, a cent more refused with the figures', async () => {
    const alice = pros['Alice'];
    // 2025: PASS 47,100 EUR; 80 % is 37,680 EUR.
    const under = await add({ professionalId: alice, workDate: '2025-05-20', amountCents: 3_767_999 });
    expect(under.warning).toBeNull();
    expect(under.line).toMatchObject({
      professionalId: alice,
      kind: PaymentKind.REMUNERATION,
      year: 2025,
      minutes: 90,
      amountCents: 3_767_999,
      status: 'to_pay',
    });
    const eighty = await add({ professionalId: alice, workDate: '2025-06-02', amountCents: 1, minutes: null, source: 'call_debrief' });
    expect(plain(eighty.warning!)).toBe(
      'Dr Alice atteint 80,0 % du plafond annuel de la sécurité sociale 2025 : 37 680,00 € sur 47 100,00 €.',
    );
    const over = (await add({ professionalId: alice, workDate: '2025-09-09', amountCents: 942_001 }).catch((e: Error) => e)) as Error & {
      code: string;
    };
    expect(over.code).toBe('CONFLICT');
    expect(plain(over.message)).toBe(
      'Ce paiement de 9 420,01 € porterait le total de Dr Alice pour 2025 à 47 100,01 €, au-delà du plafond annuel de la sécurité sociale (PASS 2025 : 47 100,00 €). ' +
        "Déjà engagés : 37 680,00 € ; reste possible : 9 420,00 €. Rien n'a été enregistré.",
    );
    const exactly = await add({ professionalId: alice, workDate: '2025-12-31', amountCents: 942_000 });
    expect(plain(exactly.warning!)).toContain('100,0 % du plafond annuel de la sécurité sociale 2025 : 47 100,00 € sur 47 100,00 €');
    await expect(add({ professionalId: alice, workDate: '2025-12-31', amountCents: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await linesOf(alice)).map((l) => l.amount)).toEqual([3_767_999, 1, 942_000]);
    // Another year is another PASS: 2026 starts from zero.
    expect((await add({ professionalId: alice, workDate: '2026-01-05', amountCents: 10_000 })).warning).toBeNull();
    // The same work twice for one person is refused; cancelled, its correction goes in.
    const sourceRef = randomUUID();
    await add({ professionalId: alice, sourceRef, amountCents: 5_000 });
    await expect(add({ professionalId: alice, sourceRef, amountCents: 5_000 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('existe déjà'),
    });
    await db.run({ tenantId: tenant.id }, () => lines.cancelOf('call_workshop', sourceRef, 'Atelier corrigé : 2 h'));
    expect((await add({ professionalId: alice, sourceRef, amountCents: 6_000 })).line.amountCents).toBe(6_000);
    const ofSource = await db.run({ tenantId: tenant.id }, () => lines.ofSources('call_workshop', [sourceRef]));
    expect(ofSource.map((l) => [l.amountCents, l.status])).toEqual([
      [5_000, 'cancelled'],
      [6_000, 'to_pay'],
    ]);
  });

  it('refuses a year whose PASS nobody entered, until the platform admin enters it; the PASS table is the platform admin’s alone', async () => {
    await member_(pros['Chloé'], 2100);
    await expect(add({ professionalId: pros['Chloé'], workDate: '2100-02-01' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining("Le plafond annuel de la sécurité sociale (PASS) de 2100 n'est pas encore saisi"),
    });
    expect(await linesOf(pros['Chloé'])).toEqual([]);
    for (const client of [coord, staff, treasurer, member]) {
      expect(errorCode(await client.request(`{ passCeilings { year } }`))).toBe('FORBIDDEN');
      expect(errorCode(await client.request(SET_PASS, { y: 2100, a: 9_000_000 }))).toBe('FORBIDDEN');
    }
    const { passCeilings } = await admin.ok<{ passCeilings: Array<{ year: number; amountCents: number; updatedByName: string | null }> }>(
      `{ passCeilings { year amountCents updatedByName } }`,
    );
    expect(passCeilings.filter((c) => c.year === 2025 || c.year === 2026)).toEqual([
      { year: 2026, amountCents: PASS_2026, updatedByName: null },
      { year: 2025, amountCents: PASS_2025, updatedByName: null },
    ]);
    expect(errorCode(await admin.request(SET_PASS, { y: 2100, a: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.request(SET_PASS, { y: 2100, a: 12.5 }))).toBe('BAD_USER_INPUT');
    const { setPassCeiling } = await admin.ok<{ setPassCeiling: { year: number; amountCents: number; updatedByName: string } }>(SET_PASS, {
      y: 2100,
      a: 9_000_000,
    });
    expect(setPassCeiling).toMatchObject({ year: 2100, amountCents: 9_000_000 });
    expect((await add({ professionalId: pros['Chloé'], workDate: '2100-02-01' })).line.year).toBe(2100);
  });

  it('lets only one of two lines added at once for one person and year pass the PASS: the second waits for the first, then sees it', async () => {
    // Bruno, 2026: 40,000 EUR then 10,000 EUR, which together pass the PASS (48,060 EUR).
    const bruno = pros['Bruno'];
    let firstAdded!: () => void;
    let releaseFirst!: () => void;
    const added = new Promise<void>((resolve) => (firstAdded = resolve));
    const release = new Promise<void>((resolve) => (releaseFirst = resolve));
    const first = db.run({ tenantId: tenant.id }, async () => {
      const result = await lines.add({
        professionalId: bruno,
        kind: PaymentKind.REMUNERATION,
        workDate: '2026-04-01',
        minutes: null,
        amountCents: 4_000_000,
        label: 'Premier',
        source: 'call_debrief',
        sourceRef: randomUUID(),
      });
      firstAdded();
      await release;
      return result;
    });
    await added;
    // The first transaction holds its line, uncommitted; the second must wait on the lock rather than read a total without it.
    const second = add({ professionalId: bruno, workDate: '2026-10-01', amountCents: 1_000_000 }).catch((e: Error) => e);
    const lockKey = `payment_lines:${tenant.id}:${bruno}:2026`;
    await until(
      async () =>
        (
          await h.data.pool.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
               AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND ((classid::bigint << 32) | objid::bigint) = hashtextextended($1, 0)`,
            [lockKey],
          )
        ).rows[0].n === 1,
    );
    releaseFirst();
    expect((await first).line.amountCents).toBe(4_000_000);
    expect(await second).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('au-delà du plafond annuel') });
    expect(await linesOf(bruno)).toEqual([{ amount: 4_000_000, status: 'to_pay' }]);

    // Fired together, twice 30,000 EUR for Hugo: one goes in, the other is refused.
    const hugo = pros['Hugo'];
    const both = await Promise.allSettled([
      add({ professionalId: hugo, workDate: '2026-05-01', amountCents: 3_000_000 }),
      add({ professionalId: hugo, workDate: '2026-06-01', amountCents: 3_000_000 }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(both.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    expect(await linesOf(hugo)).toEqual([{ amount: 3_000_000, status: 'to_pay' }]);
  });

  it('generates the indemnities of a meeting held: present and video members paid at the rate (half-up), the excused nothing, a non-member listed; twice adds nothing', async () => {
    const meetingId = await heldMeeting(pros.bureau, '2026-11-12T17:00:00Z', 50, [
      { professionalId: pros['Farid'], attendance: 'present' },
      { professionalId: pros['Gaëlle'], attendance: 'video' },
      { professionalId: pros['Chloé'], attendance: 'excused' },
      { professionalId: pros['Inès'], attendance: 'present' },
    ]);
    // No rate in the règlement intérieur yet: a clear refusal.
    const noRate = await staff.request(GENERATE, { m: meetingId });
    expect(errorCode(noRate)).toBe('CONFLICT');
    expect(noRate.errors![0].message).toContain("Le taux horaire des indemnités n'est pas encore fixé");
    // The coordinator sets it (the staff read it, do not change it): 33.33 EUR an hour.
    expect(errorCode(await staff.request(SETTINGS, { r: 3_333 }))).toBe('FORBIDDEN');
    expect(errorCode(await coord.request(SETTINGS, { r: 0 }))).toBe('BAD_USER_INPUT');
    expect(
      (await coord.ok<{ updatePaymentSettings: { indemnityHourlyRateCents: number } }>(SETTINGS, { r: 3_333 })).updatePaymentSettings
        .indemnityHourlyRateCents,
    ).toBe(3_333);
    expect(await staff.ok(`{ paymentSettings { indemnityHourlyRateCents } }`)).toEqual({
      paymentSettings: { indemnityHourlyRateCents: 3_333 },
    });
    for (const client of [board, treasurer, member]) expect(errorCode(await client.request(GENERATE, { m: meetingId }))).toBe('FORBIDDEN');

    const first = (await staff.ok<{ generateMeetingIndemnities: Generated }>(GENERATE, { m: meetingId })).generateMeetingIndemnities;
    // 50 minutes × 3,333 cents / 60 = 2,777.5 cents: 2,778.
    expect({ minutes: first.minutes, rate: first.hourlyRateCents, amount: first.amountCents }).toEqual({
      minutes: 50,
      rate: 3_333,
      amount: 2_778,
    });
    expect(
      first.created.map((c) => [c.line.professionalId, c.line.kind, c.line.amountCents, c.line.minutes, c.line.workDate, c.warning]),
    ).toEqual(
      expect.arrayContaining([
        [pros['Farid'], 'INDEMNITY', 2_778, 50, '2026-11-12', null],
        [pros['Gaëlle'], 'INDEMNITY', 2_778, 50, '2026-11-12', null],
      ]),
    );
    expect(first.created).toHaveLength(2);
    expect(first.created[0].line.label).toBe('Bureau : « Bureau de novembre » du 12/11/2026 (50 min)');
    expect(first.skipped).toEqual([
      {
        professionalId: pros['Inès'],
        name: 'Dr Inès',
        reason: 'NOT_MEMBER',
        message: expect.stringContaining("n'a pas d'adhésion active à la CPTS pour 2026"),
      },
    ]);
    const again = (await coord.ok<{ generateMeetingIndemnities: Generated }>(GENERATE, { m: meetingId })).generateMeetingIndemnities;
    expect(again.created).toEqual([]);
    expect(again.skipped.map((s) => s.reason).sort()).toEqual(['ALREADY_GENERATED', 'ALREADY_GENERATED', 'NOT_MEMBER']);
    const rows = await h.data.inTenant(tenant.id, (c) =>
      c.query(`SELECT count(*)::int AS n FROM payment_lines WHERE tenant_id = $1 AND source = 'meeting' AND source_ref = $2`, [
        tenant.id,
        meetingId,
      ]),
    );
    expect(rows.rows[0].n).toBe(2);

    // A meeting to come, or of a working group, gives nothing.
    const future = await heldMeeting(pros.bureau, new Date(Date.now() + 86_400_000).toISOString(), 60, [
      { professionalId: pros['Farid'], attendance: 'present' },
    ]);
    expect(errorCode(await staff.request(GENERATE, { m: future }))).toBe('CONFLICT');
    expect(errorCode(await staff.request(GENERATE, { m: randomUUID() }))).toBe('NOT_FOUND');
  });

  it('shows the year per professional and lets the treasurer mark lines paid; the team cancels an unpaid line, never a paid one', async () => {
    const { paymentLines } = await treasurer.ok<{ paymentLines: Line[] }>(LINES, { f: { year: 2026, kind: 'INDEMNITY' } });
    const farid = paymentLines.find((l) => l.professionalId === pros['Farid'])!;
    const gaelle = paymentLines.find((l) => l.professionalId === pros['Gaëlle'])!;
    expect(paymentLines.map((l) => l.status)).toEqual(['TO_PAY', 'TO_PAY']);
    const today = new Date().toISOString().slice(0, 10);

    expect(errorCode(await treasurer.request(MARK_PAID, { i: { lineIds: [farid.id], paidOn: '2099-01-01', reference: 'VIR-1' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await treasurer.request(MARK_PAID, { i: { lineIds: [farid.id], paidOn: today, reference: '  ' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await treasurer.request(MARK_PAID, { i: { lineIds: [farid.id, randomUUID()], paidOn: today, reference: 'VIR-1' } })),
    ).toBe('NOT_FOUND');
    const { markPaymentLinesPaid } = await treasurer.ok<{ markPaymentLinesPaid: Line[] }>(MARK_PAID, {
      i: { lineIds: [farid.id], paidOn: today, reference: 'VIR-2026-11-001' },
    });
    expect(markPaymentLinesPaid).toEqual([
      expect.objectContaining({ id: farid.id, status: 'PAID', paidOn: today, paidReference: 'VIR-2026-11-001' }),
    ]);
    // Paid once: with another line, nothing is marked.
    const twice = await treasurer.request(MARK_PAID, { i: { lineIds: [gaelle.id, farid.id], paidOn: today, reference: 'VIR-2' } });
    expect(errorCode(twice)).toBe('CONFLICT');
    expect((await linesOf(pros['Gaëlle']))[0].status).toBe('to_pay');

    // Cancelling: the team, with a reason; the treasurer does not cancel; a paid line stays paid.
    expect(errorCode(await treasurer.request(CANCEL, { id: gaelle.id, r: 'Erreur' }))).toBe('FORBIDDEN');
    expect(errorCode(await staff.request(CANCEL, { id: gaelle.id, r: ' ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await staff.request(CANCEL, { id: farid.id, r: 'Erreur' }))).toBe('CONFLICT');
    const { cancelPaymentLine } = await staff.ok<{ cancelPaymentLine: Line }>(CANCEL, {
      id: gaelle.id,
      r: 'Présente 10 minutes seulement',
    });
    expect(cancelPaymentLine).toMatchObject({ status: 'CANCELLED', cancelReason: 'Présente 10 minutes seulement' });
    // A source whose line is paid refuses its cancellation whole.
    await expect(
      db.run({ tenantId: tenant.id }, () => lines.cancelOf('meeting', farid.sourceRef, 'Réunion saisie par erreur')),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('déjà réglé'),
    });
    expect((await linesOf(pros['Farid']))[0].status).toBe('paid');

    const { paymentYear } = await staff.ok<{
      paymentYear: { passCents: number; canManage: boolean; canMarkPaid: boolean; professionals: Array<Record<string, unknown>> };
    }>(YEAR, { y: 2025 });
    expect(paymentYear).toMatchObject({ passCents: PASS_2025, canManage: true, canMarkPaid: true });
    expect(paymentYear.professionals).toEqual([
      expect.objectContaining({
        professionalId: pros['Alice'],
        remunerationCents: PASS_2025,
        indemnityCents: 0,
        totalCents: PASS_2025,
        toPayCents: PASS_2025,
        paidCents: 0,
        passPermille: 1000,
      }),
    ]);
    expect(plain(paymentYear.professionals[0].warning as string)).toBe('100,0 % du PASS 2025 (47 100,00 € sur 47 100,00 €).');
    const year2026 = (
      await treasurer.ok<{
        paymentYear: {
          canManage: boolean;
          professionals: Array<{
            professionalId: string;
            indemnityCents: number;
            paidCents: number;
            totalCents: number;
            warning: string | null;
          }>;
        };
      }>(YEAR, { y: 2026 })
    ).paymentYear;
    expect(year2026.canManage).toBe(false);
    expect(year2026.professionals.find((p) => p.professionalId === pros['Farid'])).toMatchObject({
      indemnityCents: 2_778,
      paidCents: 2_778,
      totalCents: 2_778,
      warning: null,
    });
    // Gaëlle's cancelled line counts for nothing.
    expect(year2026.professionals.find((p) => p.professionalId === pros['Gaëlle'])).toMatchObject({ totalCents: 0 });
  });

  it('exports a year as an Excel workbook: one row per line, the amount a number in euros', async () => {
    const res = await fetch(`${h.gateway.url}/api/payments/lines.xlsx?annee=2026`, {
      headers: { authorization: `Bearer ${treasurer.accessToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="paiements-2026.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (row as unknown[]).slice(1));
    expect(rows[0]).toEqual([
      'Professionnel',
      'RPPS',
      'Profession',
      'Nature',
      'Date du travail',
      'Libellé',
      'Minutes',
      'Montant (EUR)',
      'Statut',
      'Date de paiement',
      'Référence',
    ]);
    const count = await h.data.inTenant(tenant.id, (c) =>
      c.query(`SELECT count(*)::int AS n FROM payment_lines WHERE tenant_id = $1 AND year = 2026`, [tenant.id]),
    );
    expect(rows.length - 1).toBe(count.rows[0].n);
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    const farid = rows.find((r) => r[0] === 'Farid Dr')!;
    expect(farid).toEqual([
      'Farid Dr',
      '10101010101',
      expect.any(String),
      'Indemnité',
      '12/11/2026',
      'Bureau : « Bureau de novembre » du 12/11/2026 (50 min)',
      50,
      27.78,
      'Payée',
      today,
      'VIR-2026-11-001',
    ]);
    expect(sheet.getCell(`H${rows.indexOf(farid) + 1}`).type).toBe(ExcelJS.ValueType.Number);
    expect(rows.find((r) => r[0] === 'Gaëlle Dr')).toEqual(expect.arrayContaining(['Annulée', 27.78]));
    expect(
      (await fetch(`${h.gateway.url}/api/payments/lines.xlsx`, { headers: { authorization: `Bearer ${treasurer.accessToken}` } })).status,
    ).toBe(400);
    for (const client of [board, member])
      expect(
        (await fetch(`${h.gateway.url}/api/payments/lines.xlsx?annee=2026`, { headers: { authorization: `Bearer ${client.accessToken}` } }))
          .status,
      ).toBe(403);
  });

  it('gives a professional’s yearly statement: the person, the CPTS, each line not cancelled, the totals by kind', async () => {
    const { paymentStatement } = await treasurer.ok<{ paymentStatement: Record<string, unknown> & { lines: Line[] } }>(STATEMENT, {
      p: pros['Alice'],
      y: 2026,
    });
    expect(paymentStatement).toMatchObject({
      year: 2026,
      cptsName: 'CPTS Paiements',
      professional: { id: pros['Alice'], name: 'Alice Dr', rpps: null },
      indemnityCents: 0,
      remunerationCents: 10_000 + 6_000,
      totalCents: 16_000,
      paidCents: 0,
      toPayCents: 16_000,
      passCents: PASS_2026,
      passPermille: 3,
    });
    expect(paymentStatement.lines.map((l) => [l.workDate, l.amountCents, l.status])).toEqual([
      ['2026-01-05', 10_000, 'TO_PAY'],
      ['2026-03-12', 6_000, 'TO_PAY'],
    ]);
    const farid = (
      await staff.ok<{ paymentStatement: { indemnityCents: number; paidCents: number; lines: Line[] } }>(STATEMENT, {
        p: pros['Farid'],
        y: 2026,
      })
    ).paymentStatement;
    expect(farid).toMatchObject({ indemnityCents: 2_778, paidCents: 2_778 });
    expect(farid.lines.map((l) => [l.status, l.paidReference])).toEqual([['PAID', 'VIR-2026-11-001']]);
    expect(errorCode(await staff.request(STATEMENT, { p: randomUUID(), y: 2026 }))).toBe('NOT_FOUND');
  });

  it('follows a merge of two records of one person: lines move to the kept one, a duplicate to pay is cancelled; the export lists them', async () => {
    const [kept, merged] = [
      await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Jules', firstName: 'Dr' }),
      await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Jules', firstName: 'Docteur' }),
    ];
    await member_(kept, 2026);
    await member_(merged, 2026);
    const [same, other] = [randomUUID(), randomUUID()];
    await add({ professionalId: kept, sourceRef: same, amountCents: 7_000 });
    await add({ professionalId: merged, sourceRef: same, amountCents: 7_000 });
    await add({ professionalId: merged, sourceRef: other, amountCents: 3_000 });
    await coord.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: kept, m: merged });
    expect(await linesOf(merged)).toEqual([]);
    expect(await linesOf(kept)).toEqual([
      { amount: 7_000, status: 'to_pay' },
      { amount: 7_000, status: 'cancelled' },
      { amount: 3_000, status: 'to_pay' },
    ]);
    // The merged record's id still names the person: a line added with it goes to the kept record, within the same PASS.
    expect((await add({ professionalId: merged, amountCents: 1_000 })).line.professionalId).toBe(kept);
    const part = h.gateway.app
      .get(PersonDataParts)
      .all()
      .find((p) => p.key === 'payments')!;
    const exported = (await db.run({ tenantId: tenant.id }, () => part.exportPerson(kept))) as Array<{
      amountCents: number;
      status: string;
      cancelReason: string | null;
    }>;
    expect(exported.map((l) => [l.amountCents, l.status])).toEqual([
      [7_000, 'to_pay'],
      [7_000, 'cancelled'],
      [3_000, 'to_pay'],
      [1_000, 'to_pay'],
    ]);
    expect(exported[1].cancelReason).toBe('Doublon : les deux fiches de cette personne ont été fusionnées.');
  });

  it('shows the payments to the team and the bureau’s treasurer only: another board member and members are refused', async () => {
    for (const client of [coord, staff, treasurer]) expect(errorCode(await client.request(YEAR, { y: 2026 }))).toBeUndefined();
    for (const client of [board, member]) {
      for (const [query, variables] of [
        [YEAR, { y: 2026 }],
        [LINES, { f: { year: 2026 } }],
        [STATEMENT, { p: pros['Farid'], y: 2026 }],
        [MARK_PAID, { i: { lineIds: [randomUUID()], paidOn: '2026-11-20', reference: 'VIR' } }],
      ] as const) {
        const res = await client.request(query, variables);
        expect({ code: errorCode(res), data: res.data }).toEqual({ code: 'FORBIDDEN', data: null });
      }
    }
    const refused = await board.request(YEAR, { y: 2026 });
    expect(refused.errors![0].message).toBe(
      "Les paiements aux professionnels sont réservés à l'équipe de la CPTS et au trésorier ou à la trésorière du bureau.",
    );
  });
});

/** Waits for a condition of the database (a transaction waiting on a lock), checking it again every 20 ms, 10 s at most. */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let tries = 0; tries < 500; tries += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('condition not met in 10 s');
}
