import { Role } from '@cpts/platform-core';
import { AppProcess, errorCode, SmtpSink, waitUntil } from '@cpts/testing';
import { Harness, startHarness } from './harness';

/** The token of a link in an email, checking the link points at the web app (APP_URL). */
const tokenFrom = (text: string, path: string) => new RegExp(`${process.env.APP_URL}${path}#([A-Za-z0-9_-]{40,})`).exec(text)?.[1] as string;

/** Email flows end to end: gateway, outbox, real Redis, the worker process, a real SMTP sink. */
describe('invitations and password resets by email', () => {
  let h: Harness;
  let sink: SmtpSink;
  let worker: AppProcess;
  let cpts: string;
  let coordinator: { id: string; email: string };

  beforeAll(async () => {
    sink = new SmtpSink();
    const port = await sink.start();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}?tls=off`;
    h = await startHarness();
    worker = new AppProcess('worker', { SMTP_URL: process.env.SMTP_URL, RECONCILE_INTERVAL_MS: '1000' });
    worker.start();
    const region = await h.data.region();
    cpts = (await h.data.cpts(region, { name: 'CPTS Invitations', departement: '17' })).id;
    coordinator = await h.data.user([{ role: Role.COORDINATOR, tenantId: cpts }]);
  });
  afterAll(async () => {
    await worker.kill('SIGTERM');
    await h.close();
    await sink.stop();
  });

  it('invites someone whose emailed link works once: preview, choose a password, sign in with the new role', async () => {
    const c = await h.signedIn(coordinator.email);
    const email = 'nouvelle.recrue@exemple.fr';
    const invited = await c.ok<{ inviteToCpts: { id: string; mailState: string } }>(
      `mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id email role mailState } }`,
      { i: { email: 'Nouvelle.Recrue@Exemple.fr', role: 'STAFF' } },
    );
    expect(invited.inviteToCpts.mailState).toBe('pending');
    await sink.waitFor(() => sink.to(email).length === 1);
    const mail = sink.to(email)[0];
    expect(mail.subject).toBe('Invitation : CPTS Invitations');
    expect(mail.text).toContain('avec le rôle équipe salariée');
    expect(mail.html).toContain('Accepter l&#39;invitation');
    const token = tokenFrom(mail.text, '/invitation');
    expect(token).toBeTruthy();
    // The token is nowhere in the database in clear, and its ciphertext is gone once sent.
    const leaks = await h.data.pool.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE html LIKE $1 OR text_body LIKE $1 OR secret IS NOT NULL AND state = 'sent'`, [`%${token}%`]);
    expect(leaks.rows[0].n).toBe(0);
    await waitUntil(async () => {
      const list = await c.ok<{ cptsInvitations: Array<{ email: string; mailState: string }> }>(`{ cptsInvitations { email mailState } }`);
      return list.cptsInvitations.find((i) => i.email === email)?.mailState === 'sent';
    }, 10_000, 'mail state shown as sent');

    const visitor = h.client();
    const preview = await visitor.ok<{ invitationPreview: Record<string, unknown> }>(`query($t: String!) { invitationPreview(token: $t) { email role organisationName accountExists } }`, { t: token });
    expect(preview.invitationPreview).toEqual({ email, role: 'STAFF', organisationName: 'CPTS Invitations', accountExists: false });

    const weak = await visitor.request(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { email } }`, { i: { token, displayName: 'Léa Martin', password: 'court' } });
    expect(weak.errors?.[0].extensions?.fields).toEqual([{ field: 'password', message: 'Le mot de passe doit contenir au moins 12 caractères.' }]);

    const accepted = await visitor.ok(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { email accountCreated } }`, {
      i: { token, displayName: 'Léa Martin', password: 'une phrase de passe solide' },
    });
    expect(accepted).toEqual({ acceptInvitation: { email, accountCreated: true } });
    const again = await visitor.request(`mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { email } }`, { i: { token, displayName: 'X', password: 'une autre phrase longue' } });
    expect(errorCode(again)).toBe('NOT_FOUND');
    expect(again.errors?.[0].extensions?.reason).toBe('USED');

    const newcomer = h.client();
    expect((await newcomer.login(email, 'une phrase de passe solide')).errors).toBeUndefined();
    const { me } = await newcomer.ok<{ me: { activeCpts: { id: string }; activeRoles: string[] } }>(`{ me { activeCpts { id } activeRoles } }`);
    expect(me).toEqual({ activeCpts: { id: cpts }, activeRoles: ['STAFF'] });
  });

  it('explains an expired, replaced or unknown link in French', async () => {
    const c = await h.signedIn(coordinator.email);
    await c.ok(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, { i: { email: 'deux.fois@exemple.fr', role: 'MEMBER' } });
    await sink.waitFor(() => sink.to('deux.fois@exemple.fr').length === 1);
    const first = tokenFrom(sink.to('deux.fois@exemple.fr')[0].text, '/invitation');
    await c.ok(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, { i: { email: 'deux.fois@exemple.fr', role: 'MEMBER' } });
    await sink.waitFor(() => sink.to('deux.fois@exemple.fr').length === 2);
    const second = tokenFrom(sink.to('deux.fois@exemple.fr')[1].text, '/invitation');
    const preview = (t: string) => h.client().request(`query($t: String!) { invitationPreview(token: $t) { email } }`, { t });

    const replaced = await preview(first);
    expect(replaced.errors?.[0]).toMatchObject({ message: 'Cette invitation a été annulée ou remplacée par une plus récente.', extensions: { code: 'NOT_FOUND', reason: 'REVOKED' } });
    await h.data.pool.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'deux.fois@exemple.fr' AND revoked_at IS NULL`);
    const expired = await preview(second);
    expect(expired.errors?.[0].extensions?.reason).toBe('EXPIRED');
    expect(expired.errors?.[0].message).toMatch(/a expiré/);
    const unknown = await preview('x'.repeat(43));
    expect(unknown.errors?.[0].extensions?.reason).toBe('INVALID');
  });

  it('lets a region admin invite the coordinator of a CPTS of their region only', async () => {
    const region = await h.data.region();
    const admin = await h.data.user([{ role: Role.REGION_ADMIN, regionId: region }]);
    const c = await h.signedIn(admin.email);
    const invited = await c.ok<{ inviteCoordinator: { role: string } }>(`mutation($id: ID!, $i: EmailInput!) { inviteCoordinator(cptsId: $id, input: $i) { role } }`, {
      id: cpts,
      i: { email: 'coordination.nouvelle@exemple.fr' },
    });
    expect(invited.inviteCoordinator.role).toBe('COORDINATOR');
    await sink.waitFor(() => sink.to('coordination.nouvelle@exemple.fr').length === 1);
    expect(sink.to('coordination.nouvelle@exemple.fr')[0].text).toContain('coordinateur·rice');
  });

  it('only lets a coordinator invite a coordinator', async () => {
    const staff = await h.data.user([{ role: Role.STAFF, tenantId: cpts }]);
    const c = await h.signedIn(staff.email);
    const res = await c.request(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, { i: { email: 'x@exemple.fr', role: 'COORDINATOR' } });
    expect(errorCode(res)).toBe('FORBIDDEN');
    const dup = await (await h.signedIn(coordinator.email)).request(`mutation($i: InviteToCptsInput!) { inviteToCpts(input: $i) { id } }`, {
      i: { email: staff.email, role: 'STAFF' },
    });
    expect(errorCode(dup)).toBe('CONFLICT');
  });

  it('resets a forgotten password by email without telling whether the address exists', async () => {
    const person = await h.data.user([{ role: Role.STAFF, tenantId: cpts }]);
    const signedIn = await h.signedIn(person.email);
    const visitor = h.client();
    expect(await visitor.ok(`mutation($i: EmailInput!) { requestPasswordReset(input: $i) }`, { i: { email: person.email } })).toEqual({ requestPasswordReset: true });
    expect(await visitor.ok(`mutation($i: EmailInput!) { requestPasswordReset(input: $i) }`, { i: { email: 'inconnu@exemple.fr' } })).toEqual({ requestPasswordReset: true });
    await sink.waitFor(() => sink.to(person.email).length === 1);
    expect(sink.to('inconnu@exemple.fr')).toHaveLength(0);
    const token = tokenFrom(sink.to(person.email)[0].text, '/mot-de-passe/nouveau');
    const done = await visitor.ok(`mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { email } }`, { i: { token, password: 'un tout nouveau secret' } });
    expect(done).toEqual({ resetPassword: { email: person.email } });
    expect((await h.client().login(person.email, 'un tout nouveau secret')).errors).toBeUndefined();
    // Every earlier session ended with the reset.
    expect(errorCode(await signedIn.request(`mutation { refreshSession { accessToken } }`))).toBe('UNAUTHENTICATED');
    const reuse = await visitor.request(`mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { email } }`, { i: { token, password: 'encore un autre secret' } });
    expect(reuse.errors?.[0].extensions?.reason).toBe('USED');
  });
});
