import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { MeetingLinks } from '@cpts/meetings';
import { Role } from '@cpts/platform-core';
import { LinkSigner } from '@cpts/platform-mail';
import { errorCode, GraphQLClient, GraphQLResult } from '@cpts/testing';
import { Harness, startHarness } from './harness';

const GROUP = `mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`;
const ADD = `mutation($g: ID!, $p: [ID!], $u: [ID!], $r: WorkingGroupRole) { addWorkingGroupMembers(groupId: $g, professionalIds: $p, userIds: $u, role: $r) { id } }`;
const MEETING_FIELDS = `id ownerKind ownerId ownerName frame title startsAt endsAt place videoUrl status inviteeCount presentCount agenda { title durationMinutes presenter } invitees { id professionalId userId name emailed reply }`;
const SCHEDULE = `mutation($i: ScheduleMeetingInput!) { scheduleMeeting(input: $i) { ${MEETING_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: MeetingDetailsInput!) { updateMeeting(id: $id, input: $i) { ${MEETING_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelMeeting(id: $id) { id status } }`;
const LIST = `query($k: String!, $o: ID!) { meetings(ownerKind: $k, ownerId: $o) { id title status } }`;

type Meeting = {
  id: string;
  title: string;
  status: string;
  ownerName: string;
  frame: string;
  inviteeCount: number;
  presentCount: number;
  invitees: Array<{ id: string; name: string; emailed: boolean; reply: string | null; professionalId: string | null }>;
};
type Outbox = {
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  calendar_method: string | null;
  calendar_ics: string | null;
};

const DAY = 86_400_000;
/** iCalendar folds lines at 75 octets: read them whole. */
const unfold = (ics: string | null) => (ics ?? '').replace(/\r?\n /g, '');
const fieldsOf = (res: GraphQLResult<unknown>) =>
  Object.fromEntries((res.errors?.[0].extensions?.fields ?? []).map((f: { field: string; message: string }) => [f.field, f.message]));

describe('meetings: scheduled for a working group, invitations with the event, replies from the email link, moves and cancellations', () => {
  let h: Harness;
  let tenant: { id: string; communes: string[] };
  let staff: GraphQLClient;
  let member: GraphQLClient;
  let groupId: string;
  let ana: string;
  let links: MeetingLinks;
  const at = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY + days) * DAY + hour * 3_600_000);
  const details = (extra: Record<string, unknown> = {}) => ({
    title: 'Réunion de lancement',
    startsAt: at(10, 17).toISOString(),
    endsAt: at(10, 19).toISOString(),
    place: 'Maison de santé, salle 2',
    agenda: [
      { title: 'Tour de table', durationMinutes: 15 },
      { title: 'Le parcours diabète', durationMinutes: 60, presenter: 'Dr Ana' },
    ],
    ...extra,
  });
  const outbox = async (kind: string): Promise<Outbox[]> =>
    (
      await h.data.pool.query(
        `SELECT kind, to_address, subject, text_body, calendar_method, calendar_ics FROM mail_outbox WHERE tenant_id = $1 AND kind = $2 ORDER BY to_address`,
        [tenant.id, kind],
      )
    ).rows;
  const reminders = async (meetingId: string) =>
    (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(
          `SELECT fire_at, state FROM reminders WHERE tenant_id = $1 AND kind = 'meeting.reminder' AND ref = $2 ORDER BY fire_at, state`,
          [tenant.id, meetingId],
        ),
      )
    ).rows as Array<{
      fire_at: Date;
      state: string;
    }>;
  const api = (path: string, init?: RequestInit) => fetch(`${h.gateway.url}/api/public/meetings/${path}`, init);
  const answer = (token: string, reply: unknown) =>
    api(`${token}/reply`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reply }) });

  beforeAll(async () => {
    h = await startHarness();
    tenant = await h.data.cpts(await h.data.region(), { name: 'CPTS Réunions', departement: '33', communes: 1 });
    staff = await h.signedIn((await h.data.user([{ role: Role.STAFF, tenantId: tenant.id }])).email);
    const m = await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }]);
    member = await h.signedIn(m.email);
    links = new MeetingLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL as string);
    groupId = (
      await staff.ok<{ createWorkingGroup: { id: string } }>(GROUP, {
        i: {
          name: 'Parcours diabète',
          missions: ['CARE_PATHWAYS'],
          frame: { purpose: 'Un parcours lisible', confidentiality: 'Aucune donnée de patient' },
        },
      })
    ).createWorkingGroup.id;
    ana = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Ana', email: 'ana@exemple.fr' });
    const noEmail = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Sansmail' });
    await staff.ok(ADD, { g: groupId, p: [ana, noEmail], r: 'MEMBER' });
    await staff.ok(ADD, { g: groupId, u: [m.id], r: 'MEMBER' });
  });
  afterAll(() => h.close());

  it("invites the group: one email per address with the event (REQUEST), the group's frame, J-7 and J-1 reminders", async () => {
    const { scheduleMeeting: meeting } = await staff.ok<{ scheduleMeeting: Meeting }>(SCHEDULE, {
      i: { ownerKind: 'working_group', ownerId: groupId, ...details() },
    });
    expect(meeting).toMatchObject({ ownerName: 'Parcours diabète', status: 'SCHEDULED', inviteeCount: 3, presentCount: 0 });
    expect(meeting.frame).toBe('Objet : Un parcours lisible — Confidentialité : Aucune donnée de patient');
    expect(meeting.invitees.map((i) => [i.name, i.emailed])).toEqual(
      expect.arrayContaining([
        ['Ana Prénom', true],
        ['Sansmail Prénom', false],
      ]),
    );
    expect(meeting.invitees.filter((i) => i.emailed)).toHaveLength(2);
    const sent = await outbox('meeting_invitation');
    expect(sent.map((o) => o.to_address)).toContain('ana@exemple.fr');
    expect(sent).toHaveLength(2); // the person without an address gets nothing, and is shown so
    const toAna = sent.find((o) => o.to_address === 'ana@exemple.fr')!;
    expect(toAna.subject).toBe('Invitation : Réunion de lancement');
    expect(toAna.text_body).toContain('Le cadre du groupe : Objet : Un parcours lisible');
    expect(toAna.text_body).toContain('1. Tour de table (15 min) ; 2. Le parcours diabète (60 min), Dr Ana');
    expect(toAna.calendar_method).toBe('REQUEST');
    expect(toAna.calendar_ics).toContain('METHOD:REQUEST');
    expect(unfold(toAna.calendar_ics)).toContain(`UID:${meeting.id}@meetings.cpts`);
    expect(toAna.calendar_ics).toContain('SEQUENCE:0');
    // The very instant, whatever the server's own time zone (UTC, read by every calendar in its own zone).
    const utc = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
    expect(toAna.calendar_ics).toContain(`DTSTART:${utc(at(10, 17).toISOString())}`);
    expect(toAna.calendar_ics).toContain(`DTEND:${utc(at(10, 19).toISOString())}`);
    // The token never rests in clear in the outbox.
    expect(toAna.text_body).toContain('__CPTS_SECRET__');
    expect((await reminders(meeting.id)).map((r) => [r.fire_at.getTime(), r.state])).toEqual([
      [at(3, 17).getTime(), 'scheduled'],
      [at(9, 17).getTime(), 'scheduled'],
    ]);
    expect((await staff.ok<{ meetings: Meeting[] }>(LIST, { k: 'working_group', o: groupId })).meetings.map((m) => m.id)).toContain(
      meeting.id,
    );
  });

  it('takes an answer from the email link, never from a GET, until the meeting is cancelled; a forged or foreign link leads nowhere', async () => {
    const { scheduleMeeting: meeting } = await staff.ok<{ scheduleMeeting: Meeting }>(SCHEDULE, {
      i: { ownerKind: 'working_group', ownerId: groupId, ...details({ title: 'Deuxième réunion' }) },
    });
    const invitee = meeting.invitees.find((i) => i.professionalId === ana)!;
    const token = links.token({ tenantId: tenant.id, inviteeId: invitee.id });
    const page = await api(token);
    expect(page.status).toBe(200);
    expect(await page.json()).toMatchObject({
      cptsName: 'CPTS Réunions',
      ownerName: 'Parcours diabète',
      title: 'Deuxième réunion',
      inviteeName: 'Ana Prénom',
      reply: null,
      closed: null,
    });
    expect(
      (await staff.ok<{ meeting: Meeting }>(`query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`, { id: meeting.id })).meeting
        .presentCount,
    ).toBe(0);

    const bad = await answer(token, 'peut-être');
    expect(bad.status).toBe(400);
    const res = await answer(token, 'present');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ reply: 'present' });
    await answer(token, 'excused'); // changed until the meeting
    const seen = (await staff.ok<{ meeting: Meeting }>(`query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`, { id: meeting.id }))
      .meeting;
    expect(seen.invitees.find((i) => i.id === invitee.id)?.reply).toBe('EXCUSED');

    // Forged, or naming another CPTS: nothing read, nothing written.
    expect((await api(`${token.slice(0, -2)}xx`)).status).toBe(404);
    const foreign = links.token({ tenantId: (await h.data.cpts(await h.data.region(), { departement: '40' })).id, inviteeId: invitee.id });
    expect((await answer(foreign, 'absent')).status).toBe(404);
    const ics = await api(`${token}/invitation.ics`);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(unfold(await ics.text())).toContain('SUMMARY:Deuxième réunion (Parcours diabète)');
    expect((await api(`${token.slice(0, -2)}xx/invitation.ics`)).headers.get('content-type')).toContain('text/html');

    await staff.ok(CANCEL, { id: meeting.id });
    const late = await answer(token, 'present');
    expect(late.status).toBe(409);
    expect(JSON.stringify(await late.json())).toContain('Cette réunion a été annulée.');
    expect(await (await api(`${token}/invitation.ics`)).text()).toContain('METHOD:CANCEL');
  });

  it('moves a meeting (SEQUENCE up, reminders moved) and cancels one (METHOD:CANCEL, reminders cancelled)', async () => {
    const { scheduleMeeting: meeting } = await staff.ok<{ scheduleMeeting: Meeting }>(SCHEDULE, {
      i: { ownerKind: 'working_group', ownerId: groupId, ...details({ title: 'À déplacer' }) },
    });
    await staff.ok(UPDATE, {
      id: meeting.id,
      i: details({
        title: 'À déplacer',
        startsAt: at(12, 18).toISOString(),
        endsAt: at(12, 20).toISOString(),
        place: null,
        videoUrl: 'https://visio.exemple.fr/abc',
      }),
    });
    const updates = (await outbox('meeting_update')).filter((o) => o.subject === 'Réunion modifiée : À déplacer');
    expect(updates).toHaveLength(2);
    expect(updates[0].calendar_ics).toContain('SEQUENCE:1');
    expect(updates[0].text_body).toContain('Visioconférence : https://visio.exemple.fr/abc');
    const moved = await reminders(meeting.id);
    expect(moved.filter((r) => r.state === 'scheduled').map((r) => r.fire_at.getTime())).toEqual([
      at(5, 18).getTime(),
      at(11, 18).getTime(),
    ]);
    expect(moved.filter((r) => r.state === 'cancelled')).toHaveLength(2);

    await staff.ok(CANCEL, { id: meeting.id });
    const cancels = (await outbox('meeting_cancellation')).filter((o) => o.subject === 'Réunion annulée : À déplacer');
    expect(cancels).toHaveLength(2);
    expect(cancels[0].calendar_method).toBe('CANCEL');
    expect(cancels[0].calendar_ics).toContain('SEQUENCE:2');
    expect((await reminders(meeting.id)).every((r) => r.state === 'cancelled')).toBe(true);
    expect(errorCode(await staff.request(CANCEL, { id: meeting.id }))).toBe('CONFLICT');
  });

  it('refuses bad input in French and writes nothing; only the team and the referents schedule', async () => {
    const count = async () =>
      (await h.data.inTenant(tenant.id, (db) => db.query(`SELECT count(*)::int AS n FROM meetings WHERE tenant_id = $1`, [tenant.id])))
        .rows[0].n;
    const before = await count();
    const bad = await staff.request(SCHEDULE, {
      i: {
        ownerKind: 'working_group',
        ownerId: groupId,
        ...details({ startsAt: at(-2, 10).toISOString(), endsAt: at(-2, 9).toISOString(), place: null, videoUrl: null }),
      },
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(bad)).toEqual({
      startsAt: 'La réunion ne peut pas commencer dans le passé.',
      endsAt: 'La fin doit suivre le début.',
      place: 'Indiquez un lieu ou un lien de visioconférence.',
    });
    expect(
      fieldsOf(
        await staff.request(SCHEDULE, {
          i: { ownerKind: 'working_group', ownerId: groupId, ...details({ videoUrl: 'http://pas-chiffre.fr' }) },
        }),
      ),
    ).toEqual({
      videoUrl: 'Le lien de visioconférence doit commencer par https://.',
    });
    expect(fieldsOf(await staff.request(SCHEDULE, { i: { ownerKind: 'assemblee', ownerId: groupId, ...details() } }))).toEqual({
      ownerKind: 'Type de réunion inconnu.',
    });
    expect(
      errorCode(
        await staff.request(SCHEDULE, { i: { ownerKind: 'working_group', ownerId: '00000000-0000-4000-8000-000000000000', ...details() } }),
      ),
    ).toBe('NOT_FOUND');
    // A member of the group reads its meetings but does not schedule them.
    expect((await member.ok<{ meetings: Meeting[] }>(LIST, { k: 'working_group', o: groupId })).meetings.length).toBeGreaterThan(0);
    expect(errorCode(await member.request(SCHEDULE, { i: { ownerKind: 'working_group', ownerId: groupId, ...details() } }))).toBe(
      'FORBIDDEN',
    );
    expect(await count()).toBe(before);
  });

  it("keeps a meeting's documents on disk: checked by size and by their bytes, streamed back to those who see the meeting, removed by its managers", async () => {
    const { scheduleMeeting: meeting } = await staff.ok<{ scheduleMeeting: Meeting }>(SCHEDULE, {
      i: { ownerKind: 'working_group', ownerId: groupId, ...details({ title: 'Réunion avec documents' }) },
    });
    const folder = path.join(process.env.UPLOAD_DIR as string, 'meeting-documents', tenant.id);
    const filesOnDisk = () => (existsSync(folder) ? readdirSync(folder) : []);
    const rowCount = async () =>
      (
        await h.data.inTenant(tenant.id, (db) =>
          db.query(`SELECT count(*)::int AS n FROM meeting_documents WHERE tenant_id = $1 AND meeting_id = $2`, [tenant.id, meeting.id]),
        )
      ).rows[0].n;
    type Upload = {
      data: { meetingDocument: { id: string; fileName: string; contentType: string; bytes: number; url: string } } | null;
      errors?: Array<{ message: string; extensions: { code: string } }>;
    };
    const upload = async (client: GraphQLClient, fileName: string, body: Buffer | ReadableStream, extra: Record<string, string> = {}) => {
      const res = await fetch(`${h.gateway.url}/api/meetings/${meeting.id}/documents`, {
        method: 'POST',
        headers: {
          'content-type': 'application/octet-stream',
          'x-file-name': encodeURIComponent(fileName),
          authorization: `Bearer ${client.accessToken}`,
          ...extra,
        },
        body,
        duplex: 'half',
      } as RequestInit);
      return { status: res.status, body: (await res.json()) as Upload };
    };
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200_000, 0x41), Buffer.from('\n%%EOF\n')]);

    const ok = await upload(staff, 'Ordre du jour – réunion.pdf', pdf);
    expect(ok.status).toBe(201);
    const doc = ok.body.data!.meetingDocument;
    expect(doc).toMatchObject({
      fileName: 'Ordre du jour – réunion.pdf',
      contentType: 'application/pdf',
      bytes: pdf.length,
      url: `/api/meetings/documents/${doc.id}`,
    });
    expect(filesOnDisk()).toEqual([doc.id]);

    // A member of the group sees the document and downloads it, byte for byte, with the right headers.
    const DOCS = `query($id: ID!) { meeting(id: $id) { documents { id fileName contentType bytes uploadedByName } } }`;
    const listed = (
      await member.ok<{ meeting: { documents: Array<{ id: string; uploadedByName: string | null }> } }>(DOCS, { id: meeting.id })
    ).meeting.documents;
    expect(listed.map((d) => d.id)).toEqual([doc.id]);
    expect(listed[0].uploadedByName).toBeTruthy();
    const download = await fetch(`${h.gateway.url}${doc.url}`, { headers: { authorization: `Bearer ${member.accessToken}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(pdf.length));
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('cache-control')).toBe('private, no-store');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Ordre du jour _ r_union.pdf"; filename*=UTF-8''${encodeURIComponent('Ordre du jour – réunion.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    // Without a session, nothing; a made-up id, nothing.
    expect((await fetch(`${h.gateway.url}${doc.url}`)).status).toBe(401);
    expect(
      (
        await fetch(`${h.gateway.url}/api/meetings/documents/00000000-0000-4000-8000-000000000000`, {
          headers: { authorization: `Bearer ${member.accessToken}` },
        })
      ).status,
    ).toBe(404);

    // Refused, with nothing kept: too big (announced, or streamed without a length), an executable named .pdf, an unknown type, an empty file.
    const before = await rowCount();
    const big = await upload(staff, 'diaporama.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(30 * 1024 * 1024)]));
    expect([big.status, big.body.errors?.[0].extensions.code, big.body.errors?.[0].message]).toEqual([
      400,
      'BAD_USER_INPUT',
      'Fichier trop volumineux : 20 Mo au plus par document.',
    ]);
    const chunks = async function* () {
      yield Buffer.from('%PDF-1.7\n');
      for (let i = 0; i < 30; i++) yield Buffer.alloc(1024 * 1024);
    };
    const streamed = await upload(staff, 'diaporama.pdf', Readable.toWeb(Readable.from(chunks())) as ReadableStream);
    expect(streamed.body.errors?.[0].message).toBe('Fichier trop volumineux : 20 Mo au plus par document.');
    const exe = await upload(staff, 'compte-rendu.pdf', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(5000)]));
    expect([exe.status, exe.body.errors?.[0].message]).toEqual([400, "Ce fichier n'est pas un vrai fichier PDF : il n'a pas été ajouté."]);
    const elf = await upload(staff, 'notes.txt', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(100)]));
    expect(elf.body.errors?.[0].message).toBe("Ce fichier n'est pas un vrai fichier texte : il n'a pas été ajouté.");
    expect((await upload(staff, 'installer.exe', Buffer.from('MZ'))).body.errors?.[0].message).toMatch(
      /^Type de fichier non accepté\. Formats possibles : pdf, docx/,
    );
    expect((await upload(staff, 'vide.pdf', Buffer.alloc(0))).body.errors?.[0].message).toBe('Le fichier est vide.');
    expect(await rowCount()).toBe(before);
    expect(filesOnDisk()).toEqual([doc.id]);

    // A member reads but neither attaches nor removes.
    const byMember = await upload(member, 'notes.txt', Buffer.from('Mes notes de la réunion'));
    expect(byMember.body.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const DELETE = `mutation($id: ID!) { deleteMeetingDocument(id: $id) }`;
    expect(errorCode(await member.request(DELETE, { id: doc.id }))).toBe('FORBIDDEN');
    expect(filesOnDisk()).toEqual([doc.id]);

    // The staff remove it: the row and the bytes go.
    expect((await staff.ok<{ deleteMeetingDocument: boolean }>(DELETE, { id: doc.id })).deleteMeetingDocument).toBe(true);
    expect(await rowCount()).toBe(0);
    // The bytes go once the removal is committed (after the answer is sent): waited for, within a bound.
    for (let i = 0; i < 100 && filesOnDisk().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(filesOnDisk()).toEqual([]);
    expect((await fetch(`${h.gateway.url}${doc.url}`, { headers: { authorization: `Bearer ${staff.accessToken}` } })).status).toBe(404);
  });

  it('runs a scheduling poll: answers per slot from the link, live tallies, a reminder to those who did not answer, the chosen slot becomes the meeting', async () => {
    const CREATE_POLL = `mutation($i: CreateMeetingPollInput!) { createMeetingPoll(input: $i) { id status inviteeCount answeredCount slots { id startsAt yes ifNeedBe no } } }`;
    const POLL = `query($id: ID!) { meetingPoll(id: $id) { status answeredCount meetingId slots { id yes ifNeedBe no } invitees { id name emailed answeredAt answers { slotId answer } } } }`;
    type Poll = {
      id: string;
      status: string;
      answeredCount: number;
      meetingId: string | null;
      slots: Array<{ id: string; yes: number; ifNeedBe: number; no: number }>;
      invitees: Array<{ id: string; name: string; emailed: boolean }>;
    };
    const slots = [
      { startsAt: at(15, 12).toISOString(), endsAt: at(15, 13).toISOString() },
      { startsAt: at(16, 18).toISOString(), endsAt: at(16, 20).toISOString() },
    ];
    const bad = await staff.request(CREATE_POLL, {
      i: { ownerKind: 'working_group', ownerId: groupId, title: 'Sondage', place: 'MSP', slots: [] },
    });
    expect(fieldsOf(bad)).toEqual({ slots: 'Proposez au moins un créneau.' });
    const past = await staff.request(CREATE_POLL, {
      i: {
        ownerKind: 'working_group',
        ownerId: groupId,
        title: 'Sondage',
        place: 'MSP',
        slots: [{ startsAt: at(-1, 10).toISOString(), endsAt: at(-1, 11).toISOString() }],
      },
    });
    expect(fieldsOf(past)).toEqual({ 'slots.0.startsAt': 'La réunion ne peut pas commencer dans le passé.' });

    const { createMeetingPoll: created } = await staff.ok<{ createMeetingPoll: Poll }>(CREATE_POLL, {
      i: { ownerKind: 'working_group', ownerId: groupId, title: 'Réunion de rentrée', place: 'MSP', slots },
    });
    expect(created).toMatchObject({ status: 'OPEN', inviteeCount: 3, answeredCount: 0 });
    const asked = (await outbox('meeting_poll_invitation')).filter((o) => o.subject === 'Quelle date pour « Réunion de rentrée » ?');
    expect(asked).toHaveLength(2);
    expect(asked[0].text_body).toContain('/sondages/__CPTS_SECRET__');
    const pollReminders = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(`SELECT fire_at FROM reminders WHERE tenant_id = $1 AND kind = 'meeting_poll.reminder' AND ref = $2`, [
          tenant.id,
          created.id,
        ]),
      )
    ).rows;
    expect(pollReminders).toHaveLength(1);

    const { meetingPoll: before } = await staff.ok<{ meetingPoll: Poll }>(POLL, { id: created.id });
    const anaInvitee = before.invitees.find((i) => i.name === 'Ana Prénom')!;
    const token = links.pollToken({ tenantId: tenant.id, inviteeId: anaInvitee.id });
    // A meeting reply link is not a poll link, nor the reverse.
    expect((await api(token)).status).toBe(404);
    const page = await fetch(`${h.gateway.url}/api/public/meeting-polls/${token}`);
    expect(await page.json()).toMatchObject({ title: 'Réunion de rentrée', inviteeName: 'Ana Prénom', answers: [], closed: null });
    const post = (body: unknown) =>
      fetch(`${h.gateway.url}/api/public/meeting-polls/${token}/answers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ answers: [{ slotId: created.slots[0].id, answer: 'peut-être' }] })).status).toBe(400);
    expect((await post({ answers: [{ slotId: '00000000-0000-4000-8000-000000000000', answer: 'yes' }] })).status).toBe(400);
    const answered = await post({
      answers: [
        { slotId: created.slots[0].id, answer: 'yes' },
        { slotId: created.slots[1].id, answer: 'no' },
      ],
    });
    expect(answered.status).toBe(200);
    // Changed once more: the last submit stands.
    await post({
      answers: [
        { slotId: created.slots[0].id, answer: 'yes' },
        { slotId: created.slots[1].id, answer: 'if_need_be' },
      ],
    });
    const { meetingPoll: tallies } = await staff.ok<{ meetingPoll: Poll }>(POLL, { id: created.id });
    expect(tallies.answeredCount).toBe(1);
    expect(tallies.slots.map((x) => [x.yes, x.ifNeedBe, x.no])).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);

    // Reminded now: only who has an address and has not answered (the team user); the reminder engine sends it.
    expect(
      (await staff.ok<{ remindMeetingPoll: number }>(`mutation($id: ID!) { remindMeetingPoll(id: $id) }`, { id: created.id }))
        .remindMeetingPoll,
    ).toBe(1);
    expect(errorCode(await member.request(`mutation($id: ID!) { remindMeetingPoll(id: $id) }`, { id: created.id }))).toBe('FORBIDDEN');

    const { closeMeetingPoll: meeting } = await staff.ok<{ closeMeetingPoll: Meeting }>(
      `mutation($id: ID!, $s: ID!) { closeMeetingPoll(id: $id, slotId: $s) { ${MEETING_FIELDS} } }`,
      {
        id: created.id,
        s: created.slots[0].id,
      },
    );
    expect(meeting).toMatchObject({ title: 'Réunion de rentrée', inviteeCount: 3, status: 'SCHEDULED' });
    expect((await outbox('meeting_invitation')).filter((o) => o.subject === 'Invitation : Réunion de rentrée')).toHaveLength(2);
    expect((await staff.ok<{ meetingPoll: Poll }>(POLL, { id: created.id })).meetingPoll).toMatchObject({
      status: 'CLOSED',
      meetingId: meeting.id,
    });
    const late = await post({ answers: [{ slotId: created.slots[0].id, answer: 'no' }] });
    expect(late.status).toBe(409);
    expect(
      errorCode(
        await staff.request(`mutation($id: ID!, $s: ID!) { closeMeetingPoll(id: $id, slotId: $s) { id } }`, {
          id: created.id,
          s: created.slots[1].id,
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('records attendance, then sends the minutes to every member, absent ones and members not invited included, and keeps who received them', async () => {
    const ATTEND = `mutation($m: ID!, $e: [AttendanceInput!]!) { recordMeetingAttendance(meetingId: $m, entries: $e) { invitees { id name attendance } } }`;
    const SAVE = `mutation($m: ID!, $i: MeetingMinutesInput!) { saveMeetingMinutes(meetingId: $m, input: $i) { minutesHtml decisions minutesPublishedAt } }`;
    const PUBLISH = `mutation($m: ID!) { publishMeetingMinutes(meetingId: $m) { minutesPublishedAt minutesRecipients { name emailed sentAt } } }`;
    const { scheduleMeeting: meeting } = await staff.ok<{ scheduleMeeting: Meeting }>(SCHEDULE, {
      i: { ownerKind: 'working_group', ownerId: groupId, ...details({ title: 'Bilan' }) },
    });
    const anaRow = meeting.invitees.find((i) => i.professionalId === ana)!;
    const others = meeting.invitees.filter((i) => i.id !== anaRow.id);
    // Joined the group after the invitations: not invited, still sent the minutes.
    const late = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Tardif', email: 'tardif@exemple.fr' });
    await staff.ok(ADD, { g: groupId, p: [late] });

    expect(errorCode(await staff.request(ATTEND, { m: meeting.id, e: [{ inviteeId: anaRow.id, attendance: 'ABSENT' }] }))).toBe('CONFLICT');
    // The meeting took place: moved into the past as time would.
    await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `UPDATE meetings SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE tenant_id = $1 AND id = $2`,
        [tenant.id, meeting.id],
      ),
    );
    const { recordMeetingAttendance } = await staff.ok<{
      recordMeetingAttendance: { invitees: Array<{ id: string; attendance: string | null }> };
    }>(ATTEND, {
      m: meeting.id,
      e: [{ inviteeId: anaRow.id, attendance: 'ABSENT' }, ...others.map((o) => ({ inviteeId: o.id, attendance: 'PRESENT' }))],
    });
    expect(recordMeetingAttendance.invitees.find((i) => i.id === anaRow.id)?.attendance).toBe('ABSENT');
    expect(
      fieldsOf(
        await staff.request(ATTEND, { m: meeting.id, e: [{ inviteeId: '00000000-0000-4000-8000-000000000000', attendance: 'PRESENT' }] }),
      ),
    ).toEqual({
      entries: "Une des personnes n'est pas invitée à cette réunion.",
    });
    expect(fieldsOf(await staff.request(PUBLISH, { m: meeting.id }))).toEqual({
      html: 'Le compte rendu est vide : écrivez-le avant de l’envoyer.',
    });

    const saved = (
      await staff.ok<{ saveMeetingMinutes: { minutesHtml: string; decisions: string[] } }>(SAVE, {
        m: meeting.id,
        i: {
          html: '<h2>Points</h2><p>Le parcours est <strong>validé</strong>.<script>alert(1)</script></p>',
          decisions: ['  Lancer le parcours en janvier ', ''],
        },
      })
    ).saveMeetingMinutes;
    expect(saved).toEqual({
      minutesHtml: '<h2>Points</h2><p>Le parcours est <strong>validé</strong>.</p>',
      decisions: ['Lancer le parcours en janvier'],
      minutesPublishedAt: null,
    });

    const { publishMeetingMinutes: published } = await staff.ok<{
      publishMeetingMinutes: { minutesPublishedAt: string; minutesRecipients: Array<{ name: string; emailed: boolean; sentAt: string }> };
    }>(PUBLISH, {
      m: meeting.id,
    });
    expect(published.minutesPublishedAt).not.toBeNull();
    expect(published.minutesRecipients.map((r) => [r.name, r.emailed])).toEqual(
      expect.arrayContaining([
        ['Ana Prénom', true],
        ['Sansmail Prénom', false],
        ['Tardif Prénom', true],
      ]),
    );
    expect(published.minutesRecipients).toHaveLength(4);
    const sent = (await outbox('meeting_minutes')).filter((o) => o.subject === 'Compte rendu : Bilan');
    expect(sent.map((o) => o.to_address)).toEqual(expect.arrayContaining(['ana@exemple.fr', 'tardif@exemple.fr']));
    expect(sent).toHaveLength(3);
    expect(sent[0].text_body).toContain('Le parcours est validé.');
    expect(sent[0].text_body).toContain('Décisions : 1. Lancer le parcours en janvier');
    expect(errorCode(await staff.request(SAVE, { m: meeting.id, i: { html: '<p>Autre</p>' } }))).toBe('CONFLICT');
    expect(errorCode(await staff.request(PUBLISH, { m: meeting.id }))).toBe('CONFLICT');
    expect(errorCode(await member.request(SAVE, { m: meeting.id, i: { html: '<p>x</p>' } }))).toBe('FORBIDDEN');
  });

  it("is part of the person's data: a merge keeps one invitation per meeting, the export lists them, the erasure empties the names and addresses kept", async () => {
    const kept = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'Fusion', email: 'fusion@exemple.fr' });
    const merged = await h.data.professional(tenant.id, tenant.communes[0], { lastName: 'FUSION', email: 'fusion2@exemple.fr' });
    const { scheduleMeeting: meeting } = await staff.ok<{ scheduleMeeting: Meeting }>(SCHEDULE, {
      i: {
        ownerKind: 'working_group',
        ownerId: groupId,
        ...details({ title: 'Avec doublon' }),
        inviteOwnerMembers: false,
        professionalIds: [kept, merged],
      },
    });
    expect(meeting.inviteeCount).toBe(2);
    await staff.ok(`mutation($k: ID!, $m: ID!) { mergeProfessionals(keptId: $k, mergedId: $m) { id } }`, { k: kept, m: merged });
    const after = (await staff.ok<{ meeting: Meeting }>(`query($id: ID!) { meeting(id: $id) { ${MEETING_FIELDS} } }`, { id: meeting.id }))
      .meeting;
    expect(after.invitees.map((i) => i.professionalId)).toEqual([kept]);
    const { personData } = await staff.ok<{ personData: string }>(`query($id: ID!) { personData(id: $id) }`, { id: kept });
    expect(JSON.parse(personData).meetings.invited).toEqual([
      expect.objectContaining({ title: 'Avec doublon', email: 'fusion@exemple.fr' }),
    ]);
    await staff.ok(`mutation($id: ID!, $c: String!) { eraseProfessional(id: $id, confirmation: $c) { id } }`, { id: kept, c: 'Fusion' });
    const rows = (
      await h.data.inTenant(tenant.id, (db) =>
        db.query(`SELECT name, email FROM meeting_invitees WHERE tenant_id = $1 AND professional_id = $2`, [tenant.id, kept]),
      )
    ).rows;
    expect(rows).toEqual([{ name: 'Personne effacée', email: null }]);
  });

  it('keeps action items: a person and a due date, reminders before and after, done from the email link, a CPTS-wide view', async () => {
    const CREATE_ITEM = `mutation($i: ActionItemInput!) { createActionItem(input: $i) { id title assigneeName dueOn status overdue } }`;
    const ITEMS = `query($f: ActionItemFilter) { actionItems(filter: $f) { id title status overdue assigneeName } }`;
    type Item = { id: string; title: string; status: string; overdue: boolean; assigneeName: string; dueOn: string };
    const dueOn = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const base = { ownerKind: 'working_group', ownerId: groupId, title: 'Rédiger la fiche parcours', professionalId: ana, dueOn };
    expect(fieldsOf(await staff.request(CREATE_ITEM, { i: { ...base, dueOn: '2020-01-10' } }))).toEqual({
      dueOn: "L'échéance est passée.",
    });
    expect(fieldsOf(await staff.request(CREATE_ITEM, { i: { ...base, dueOn: '2031-02-30' } }))).toEqual({
      dueOn: 'Échéance invalide (AAAA-MM-JJ).',
    });
    expect(fieldsOf(await staff.request(CREATE_ITEM, { i: { ...base, professionalId: null } }))).toEqual({
      professionalId: 'Choisissez une personne (et une seule) pour cette action.',
    });
    expect(errorCode(await member.request(CREATE_ITEM, { i: base }))).toBe('FORBIDDEN');

    const { createActionItem: item } = await staff.ok<{ createActionItem: Item }>(CREATE_ITEM, { i: base });
    expect(item).toMatchObject({ title: 'Rédiger la fiche parcours', assigneeName: 'Ana Prénom', dueOn, status: 'OPEN', overdue: false });
    const fires = async () =>
      (
        await h.data.inTenant(tenant.id, (db) =>
          db.query(`SELECT kind, state FROM reminders WHERE tenant_id = $1 AND ref = $2 ORDER BY fire_at`, [tenant.id, item.id]),
        )
      ).rows;
    expect(await fires()).toEqual([
      { kind: 'action_item.due', state: 'scheduled' },
      { kind: 'action_item.overdue', state: 'scheduled' },
    ]);
    // The group's member sees their group's items in the CPTS-wide view.
    expect((await member.ok<{ actionItems: Item[] }>(ITEMS, { f: { ownerId: groupId } })).actionItems.map((x) => x.id)).toContain(item.id);

    const token = links.actionToken({ tenantId: tenant.id, inviteeId: item.id });
    const itemApi = (path = '', init?: RequestInit) => fetch(`${h.gateway.url}/api/public/action-items/${token}${path}`, init);
    expect(await (await itemApi()).json()).toMatchObject({ title: 'Rédiger la fiche parcours', status: 'open' });
    expect(await (await itemApi()).json()).toMatchObject({ status: 'open' }); // reading twice changes nothing
    const done = await itemApi('/done', { method: 'POST' });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: 'done' });
    expect((await fires()).map((r) => r.state)).toEqual(['cancelled', 'cancelled']);
    expect(
      (await fetch(`${h.gateway.url}/api/public/action-items/${links.token({ tenantId: tenant.id, inviteeId: item.id })}`)).status,
    ).toBe(404); // another kind of link

    // Overdue: open and past its date (written as time would make it).
    const { createActionItem: late } = await staff.ok<{ createActionItem: Item }>(CREATE_ITEM, {
      i: { ...base, title: 'Envoyer le questionnaire' },
    });
    await h.data.inTenant(tenant.id, (db) =>
      db.query(`UPDATE action_items SET due_on = current_date - 3 WHERE tenant_id = $1 AND id = $2`, [tenant.id, late.id]),
    );
    const overdue = (await staff.ok<{ actionItems: Item[] }>(ITEMS, { f: { overdueOnly: true } })).actionItems;
    expect(overdue.map((x) => [x.id, x.overdue])).toEqual([[late.id, true]]);
    expect(
      (
        await staff.ok<{ setActionItemStatus: Item }>(
          `mutation($id: ID!) { setActionItemStatus(id: $id, status: DROPPED) { id status overdue } }`,
          { id: late.id },
        )
      ).setActionItemStatus,
    ).toMatchObject({
      status: 'DROPPED',
      overdue: false,
    });
    expect(
      errorCode(await member.request(`mutation($id: ID!) { setActionItemStatus(id: $id, status: DONE) { id } }`, { id: late.id })),
    ).toBe('FORBIDDEN');
  });

  it('lets the person who carries an item, as a team user, mark it done and take back their own "done", never drop it nor change another\'s', async () => {
    const FIELDS = `id status statusAt statusBy statusByName mine`;
    const SET = `mutation($id: ID!, $s: ActionItemStatus!) { setActionItemStatus(id: $id, status: $s) { ${FIELDS} } }`;
    type Item = {
      id: string;
      status: string;
      statusAt: string | null;
      statusBy: string | null;
      statusByName: string | null;
      mine: boolean;
    };
    const ME = `query { me { user { id displayName } } }`;
    const memberUser = (await member.ok<{ me: { user: { id: string; displayName: string } } }>(ME)).me.user;
    const staffUser = (await staff.ok<{ me: { user: { id: string; displayName: string } } }>(ME)).me.user;
    const dueOn = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
    const { createActionItem: item } = await staff.ok<{ createActionItem: Item }>(
      `mutation($i: ActionItemInput!) { createActionItem(input: $i) { ${FIELDS} } }`,
      { i: { ownerKind: 'working_group', ownerId: groupId, title: 'Relire la fiche patient', userId: memberUser.id, dueOn } },
    );
    expect(item).toMatchObject({ status: 'OPEN', statusAt: null, statusByName: null, mine: false }); // the staff's view
    const listed = async (client: GraphQLClient) =>
      (
        await client.ok<{ actionItems: Item[] }>(`query($f: ActionItemFilter) { actionItems(filter: $f) { ${FIELDS} } }`, {
          f: { ownerId: groupId },
        })
      ).actionItems.find((x) => x.id === item.id);
    expect(await listed(member)).toMatchObject({ mine: true });
    const set = (client: GraphQLClient, s: string) => client.request<{ setActionItemStatus: Item }>(SET, { id: item.id, s });

    // Dropping is the group's managers' decision, even on one's own item: said plainly.
    const dropped = await set(member, 'DROPPED');
    expect(errorCode(dropped)).toBe('FORBIDDEN');
    expect(dropped.errors?.[0].message).toBe(
      "Vous pouvez marquer comme faite une action qui vous est confiée ; l'abandonner ou la rouvrir revient à l'équipe et aux référents du groupe.",
    );
    const done = (await member.ok<{ setActionItemStatus: Item }>(SET, { id: item.id, s: 'DONE' })).setActionItemStatus;
    expect(done).toMatchObject({ status: 'DONE', statusByName: memberUser.displayName, mine: true });
    const scheduled = async () =>
      (
        await h.data.inTenant(tenant.id, (db) =>
          db.query(`SELECT kind FROM reminders WHERE tenant_id = $1 AND ref = $2 AND state = 'scheduled' ORDER BY kind`, [
            tenant.id,
            item.id,
          ]),
        )
      ).rows.map((r) => r.kind);
    expect(await scheduled()).toEqual([]);
    // Asked again (a second tab): the first date and author stay.
    expect((await member.ok<{ setActionItemStatus: Item }>(SET, { id: item.id, s: 'DONE' })).setActionItemStatus.statusAt).toBe(
      done.statusAt,
    );
    // A slip of the finger: the person takes back their own "done".
    expect((await member.ok<{ setActionItemStatus: Item }>(SET, { id: item.id, s: 'OPEN' })).setActionItemStatus).toMatchObject({
      status: 'OPEN',
      statusAt: null,
      statusByName: null,
    });
    // Open again, it is reminded again (both dates are still to come).
    expect(await scheduled()).toEqual(['action_item.due', 'action_item.overdue']);
    // Marked done by the staff, it is no longer theirs to reopen.
    expect((await staff.ok<{ setActionItemStatus: Item }>(SET, { id: item.id, s: 'DONE' })).setActionItemStatus).toMatchObject({
      status: 'DONE',
      statusBy: staffUser.id,
      statusByName: staffUser.displayName,
      mine: false,
    });
    expect(await scheduled()).toEqual([]);
    expect(errorCode(await set(member, 'OPEN'))).toBe('FORBIDDEN');
    expect((await listed(member))?.status).toBe('DONE');
    // Another CPTS's user carries nothing here.
    const outsider = await h.signedIn(
      (await h.data.user([{ role: Role.MEMBER, tenantId: (await h.data.cpts(await h.data.region(), { departement: '24' })).id }])).email,
    );
    expect(errorCode(await set(outsider, 'OPEN'))).toBe('NOT_FOUND');
  });

  it("filters the CPTS-wide view by the person who carries the items, and by when they were done (this quarter's small victories)", async () => {
    const ITEMS = `query($f: ActionItemFilter) { actionItems(filter: $f) { id title status statusAt statusByName professionalId userId } }`;
    type Item = {
      id: string;
      title: string;
      status: string;
      statusAt: string | null;
      statusByName: string | null;
      professionalId: string | null;
      userId: string | null;
    };
    const list = async (client: GraphQLClient, f: Record<string, unknown>) =>
      (await client.ok<{ actionItems: Item[] }>(ITEMS, { f })).actionItems;
    const memberId = (await member.ok<{ me: { user: { id: string } } }>(`query { me { user { id } } }`)).me.user.id;

    // One id for either kind of person: a professional of the directory, or a team user.
    const anas = await list(staff, { assigneeId: ana });
    expect(anas.length).toBeGreaterThanOrEqual(2);
    expect(anas.every((x) => x.professionalId === ana)).toBe(true);
    const members = await list(staff, { assigneeId: memberId });
    expect(members.map((x) => x.title)).toEqual(['Relire la fiche patient']);
    expect(members.every((x) => x.userId === memberId)).toBe(true);
    expect(await list(staff, { assigneeId: ana, status: 'DROPPED' })).toEqual([
      expect.objectContaining({ title: 'Envoyer le questionnaire' }),
    ]);
    expect(fieldsOf(await staff.request(ITEMS, { f: { assigneeId: 'pas-un-id' } }))).toEqual({
      assigneeId: 'Identifiant de personne invalide.',
    });

    // Done since a date: the done ones only (not the dropped), done at or after it.
    const since = new Date(Date.now() - DAY).toISOString();
    const recent = await list(staff, { ownerId: groupId, doneSince: since });
    expect(recent.map((x) => x.title).sort()).toEqual(['Relire la fiche patient', 'Rédiger la fiche parcours']);
    expect(recent.every((x) => x.status === 'DONE' && x.statusAt! >= since)).toBe(true);
    // Done from the email's link: no team user to name.
    expect(recent.find((x) => x.title === 'Rédiger la fiche parcours')?.statusByName).toBeNull();
    // Done last quarter (written as time would make it): no longer this quarter's.
    await h.data.inTenant(tenant.id, (db) =>
      db.query(
        `UPDATE action_items SET status_at = now() - interval '100 days' WHERE tenant_id = $1 AND title = 'Rédiger la fiche parcours'`,
        [tenant.id],
      ),
    );
    expect((await list(staff, { ownerId: groupId, doneSince: since })).map((x) => x.title)).toEqual(['Relire la fiche patient']);
    expect(await list(staff, { doneSince: new Date(Date.now() + DAY).toISOString() })).toEqual([]);
    // The group's member sees the same victories; someone outside the group, none of them.
    expect((await list(member, { doneSince: since })).map((x) => x.title)).toEqual(['Relire la fiche patient']);
    const stranger = await h.signedIn((await h.data.user([{ role: Role.MEMBER, tenantId: tenant.id }])).email);
    expect(await list(stranger, { doneSince: since })).toEqual([]);
  });

  it("gives a signed-in person asked by a poll their own answer page (the email's link), and no one else any", async () => {
    const MINE = `query($id: ID!) { meetingPoll(id: $id) { myInvitation { answerPath answeredAt } invitees { id name } } }`;
    type Mine = { myInvitation: { answerPath: string; answeredAt: string | null } | null; invitees: Array<{ id: string; name: string }> };
    const { createMeetingPoll: poll } = await staff.ok<{ createMeetingPoll: { id: string; slots: Array<{ id: string }> } }>(
      `mutation($i: CreateMeetingPollInput!) { createMeetingPoll(input: $i) { id slots { id } } }`,
      {
        i: {
          ownerKind: 'working_group',
          ownerId: groupId,
          title: 'Point d’étape',
          place: 'MSP',
          slots: [{ startsAt: at(20, 12).toISOString(), endsAt: at(20, 13).toISOString() }],
        },
      },
    );
    const { displayName } = (await member.ok<{ me: { user: { displayName: string } } }>(`query { me { user { displayName } } }`)).me.user;
    const seen = (await member.ok<{ meetingPoll: Mine }>(MINE, { id: poll.id })).meetingPoll;
    const invitee = seen.invitees.find((i) => i.name === displayName)!;
    const token = links.pollToken({ tenantId: tenant.id, inviteeId: invitee.id });
    // The very link of their email: the same page, the same signed token, under the CPTS's address.
    expect(seen.myInvitation).toEqual({
      answerPath: expect.stringMatching(new RegExp(`^/cpts/[a-z0-9-]+/sondages/${token}$`)),
      answeredAt: null,
    });
    const answered = await fetch(`${h.gateway.url}/api/public/meeting-polls/${token}/answers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ answers: [{ slotId: poll.slots[0].id, answer: 'yes' }] }),
    });
    expect(answered.status).toBe(200);
    expect((await member.ok<{ meetingPoll: Mine }>(MINE, { id: poll.id })).meetingPoll.myInvitation?.answeredAt).not.toBeNull();
    // The staff member who was not asked has no invitation to show.
    expect((await staff.ok<{ meetingPoll: Mine }>(MINE, { id: poll.id })).meetingPoll.myInvitation).toBeNull();
  });

  it("counts the year's participation per meeting, professional, profession and ACI mission, from the attendance recorded", async () => {
    const Q = `query($y: Int!) { meetingParticipation(year: $y) { year meetings attendances people perMeeting { title invited participants excused absent } perProfessional { name professionCode attendances } perProfession { professionCode people attendances } perMission { mission meetings attendances } } }`;
    type Figures = {
      meetings: number;
      perMeeting: Array<{ title: string; invited: number; participants: number; excused: number; absent: number }>;
      perProfessional: Array<{ name: string; attendances: number }>;
      perProfession: Array<{ professionCode: string; people: number; attendances: number }>;
      perMission: Array<{ mission: string; meetings: number; attendances: number }>;
    };
    const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(new Date()));
    const { meetingParticipation: f } = await staff.ok<{ meetingParticipation: Figures }>(Q, { y: year });
    // "Bilan" was held (the minutes test): Ana absent, the two others present; meetings to come do not count.
    expect(f.perMeeting.find((m) => m.title === 'Bilan')).toEqual({ title: 'Bilan', invited: 3, participants: 2, excused: 0, absent: 1 });
    expect(f.perMeeting.every((m) => m.title === 'Bilan')).toBe(true);
    expect(f.perProfessional).toEqual(
      [{ name: 'Sansmail Prénom', professionCode: '60', attendances: 1 }].map((x) => expect.objectContaining(x)),
    );
    expect(f.perProfession).toEqual([{ professionCode: '60', people: 1, attendances: 1 }]);
    expect(f.perMission).toEqual([{ mission: 'care_pathways', meetings: 1, attendances: 2 }]);
    expect(errorCode(await member.request(Q, { y: year }))).toBe('FORBIDDEN');
    expect(fieldsOf(await staff.request(Q, { y: 1900 }))).toEqual({ year: 'Année invalide.' });
  });

  it("gives a followed CPTS's mission officer the group's figures: next meeting, meetings this year, open, overdue and done-this-quarter items", async () => {
    const region = (await h.data.pool.query(`SELECT region_id FROM tenants WHERE id = $1`, [tenant.id])).rows[0].region_id as string;
    const officer = await h.data.user([{ role: Role.MISSION_OFFICER, regionId: region }]);
    await h.data.follow(officer.id, [tenant.id]);
    const client = await h.signedIn(officer.email);
    const { cpts } = await client.ok<{ cpts: { workingGroups: Array<Record<string, unknown>> } }>(
      `query($id: ID!) { cpts(id: $id) { workingGroups { id openActionItems overdueActionItems doneThisQuarter meetingsThisYear nextMeetingAt } } }`,
      { id: tenant.id },
    );
    const figures = cpts.workingGroups.find((g) => g.id === groupId);
    // What the team sees of the same group, counted here.
    type Item = { status: string; overdue: boolean; statusAt: string | null };
    const { actionItems } = await staff.ok<{ actionItems: Item[] }>(`query($f: ActionItemFilter) { actionItems(filter: $f) { status overdue statusAt } }`, {
      f: { ownerKind: 'working_group', ownerId: groupId },
    });
    const quarter = (d: Date) => {
      const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit' }).format(d).split('-').map(Number);
      return `${y}-Q${Math.ceil(m / 3)}`;
    };
    const { meetings } = await staff.ok<{ meetings: Array<{ status: string; startsAt: string }> }>(
      `query($k: String!, $o: ID!) { meetings(ownerKind: $k, ownerId: $o) { status startsAt } }`,
      { k: 'working_group', o: groupId },
    );
    const scheduled = meetings.filter((m) => m.status === 'SCHEDULED');
    const coming = scheduled.map((m) => m.startsAt).filter((at) => new Date(at) > new Date()).sort();
    const yearOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric' }).format(d);
    expect(figures).toEqual({
      id: groupId,
      openActionItems: actionItems.filter((i) => i.status === 'OPEN').length,
      overdueActionItems: actionItems.filter((i) => i.status === 'OPEN' && i.overdue).length,
      doneThisQuarter: actionItems.filter((i) => i.status === 'DONE' && quarter(new Date(i.statusAt!)) === quarter(new Date())).length,
      meetingsThisYear: scheduled.filter((m) => new Date(m.startsAt) <= new Date() && yearOf(new Date(m.startsAt)) === yearOf(new Date())).length,
      nextMeetingAt: coming[0] ?? null,
    });
    expect((figures?.openActionItems as number) + (figures?.doneThisQuarter as number)).toBeGreaterThan(0);
  });
});
