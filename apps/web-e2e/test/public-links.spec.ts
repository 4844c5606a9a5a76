import { Role } from '@cpts/platform-core';
import { MeetingLinks } from '@cpts/meetings';
import { LinkSigner } from '@cpts/platform-mail';
import { GraphQLClient } from '@cpts/testing';
import { checkScreen, linkFromMail, PASSWORD, scenario, Stack, startStack } from './harness';

const DAY = 86_400_000;
const GROUP = `mutation($i: WorkingGroupInput!) { createWorkingGroup(input: $i) { id } }`;
const ADD = `mutation($g: ID!, $p: [ID!], $r: WorkingGroupRole) { addWorkingGroupMembers(groupId: $g, professionalIds: $p, role: $r) { id } }`;
const CREATE_POLL = `mutation($i: CreateMeetingPollInput!) { createMeetingPoll(input: $i) { id slots { id } } }`;
const POLL = `query($id: ID!) { meetingPoll(id: $id) { answeredCount slots { id yes no } } }`;
const CREATE_ITEM = `mutation($i: ActionItemInput!) { createActionItem(input: $i) { id status } }`;
const ITEMS = `query { actionItems { id status } }`;

/** "jeudi 10 décembre 2026, de 13:00 à 14:00": a slot as the poll page names it. */
const SLOT_NAME = /^\S+ \d{1,2} \S+ \d{4}, de \d{2}:\d{2} à \d{2}:\d{2}$/;

/**
 * The two other login-free pages of the meetings' emails, in a real browser
 * with the real gateway, worker and SMTP sink: a member answers a
 * scheduling poll from its invitation's link on a phone (opening the page
 * records nothing, the button does), and the person in charge of an action
 * item marks it done from its link; the staff's figures follow.
 */
describe('public links of scheduling polls and action items', () => {
  let stack: Stack;
  let staff: GraphQLClient;
  let cpts: { id: string; communes: string[]; slug: string };
  let groupId: string;
  let professionalId: string;
  const member = 'marc.leroy@msp-angouleme.test';
  const pollTitle = 'Réunion de rentrée';
  const actionTitle = 'Rédiger la fiche parcours';

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS du Grand Angoulême', departement: '16', communes: 1 });
    const email = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.liens@e2e.cpts.fr')).email;
    professionalId = await data.professional(cpts.id, cpts.communes[0], {
      lastName: 'Leroy',
      firstName: 'Marc',
      professionCode: '60',
      email: member,
    });
    staff = new GraphQLClient(stack.url, { 'x-forwarded-for': '203.0.113.40' });
    const login = await staff.login(email, PASSWORD);
    if (login.errors) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
    groupId = (
      await staff.ok<{ createWorkingGroup: { id: string } }>(GROUP, {
        i: { name: 'Parcours diabète', missions: ['CARE_PATHWAYS'], frame: { purpose: 'Un parcours lisible pour les patients.' } },
      })
    ).createWorkingGroup.id;
    await staff.ok(ADD, { g: groupId, p: [professionalId], r: 'MEMBER' });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it("answers a scheduling poll from its email's link on a phone: yes and no, saved, and the tallies move", async () => {
    // Two slots, whole hours in a fortnight.
    const at = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY + days) * DAY + hour * 3_600_000).toISOString();
    const { createMeetingPoll: poll } = await staff.ok<{ createMeetingPoll: { id: string; slots: Array<{ id: string }> } }>(CREATE_POLL, {
      i: {
        ownerKind: 'working_group',
        ownerId: groupId,
        title: pollTitle,
        place: 'Maison de santé, salle 2',
        slots: [
          { startsAt: at(15, 12), endsAt: at(15, 13) },
          { startsAt: at(16, 17), endsAt: at(16, 19) },
        ],
      },
    });
    const tallies = async () =>
      (
        await staff.ok<{ meetingPoll: { answeredCount: number; slots: Array<{ id: string; yes: number; no: number }> } }>(POLL, {
          id: poll.id,
        })
      ).meetingPoll;

    await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(member) && m.subject.startsWith('Quelle date pour')), 30_000);
    const link = await linkFromMail(stack.sink, member, new RegExp(`${stack.url}/cpts/${cpts.slug}/sondages/[A-Za-z0-9_-]+`));

    await scenario(stack, 'poll answer', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: pollTitle }).waitFor();
      await page.getByText('CPTS du Grand Angoulême', { exact: true }).waitFor();
      await page.getByText('Groupe de travail : Parcours diabète').waitFor();
      await page.getByText('Lieu : Maison de santé, salle 2').waitFor();
      const slots = page.getByRole('radiogroup');
      expect(await slots.count()).toBe(2);
      for (const i of [0, 1]) expect(await slots.nth(i).getAttribute('aria-labelledby')).toBeTruthy();
      const first = page.getByRole('radiogroup', { name: SLOT_NAME }).first();
      const second = page.getByRole('radiogroup', { name: SLOT_NAME }).nth(1);
      expect(await first.getByRole('radio', { name: 'Oui' }).isChecked()).toBe(false);
      await page.getByText('2 créneaux sans réponse.').waitFor();
      // Opening the page records nothing: only the button does.
      expect((await tallies()).answeredCount).toBe(0);
      await checkScreen(page, 'sondage réponse');

      await first.getByRole('radio', { name: 'Oui' }).check();
      await second.getByRole('radio', { name: 'Non' }).check();
      await page.getByRole('button', { name: 'Enregistrer mes disponibilités' }).click();
      await page.getByRole('status').getByText('Vos disponibilités sont enregistrées. Merci !').waitFor();
      // The form shows the answers as saved.
      expect(await first.getByRole('radio', { name: 'Oui' }).isChecked()).toBe(true);
      expect(await second.getByRole('radio', { name: 'Non' }).isChecked()).toBe(true);
      await checkScreen(page, 'sondage réponse enregistrée');
    });

    const after = await tallies();
    expect(after.answeredCount).toBe(1);
    const bySlot = Object.fromEntries(after.slots.map((s) => [s.id, s]));
    expect(bySlot[poll.slots[0].id]).toMatchObject({ yes: 1, no: 0 });
    expect(bySlot[poll.slots[1].id]).toMatchObject({ yes: 0, no: 1 });

    // Read again, the page is filled with the saved answers.
    await scenario(stack, 'poll answer reopened', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(link);
      const first = page.getByRole('radiogroup', { name: SLOT_NAME }).first();
      await first.waitFor();
      expect(await first.getByRole('radio', { name: 'Oui' }).isChecked()).toBe(true);
      expect(await page.getByRole('radiogroup', { name: SLOT_NAME }).nth(1).getByRole('radio', { name: 'Non' }).isChecked()).toBe(true);
    });
  });

  it("marks an action item done from its link on a phone, and the staff's list says DONE", async () => {
    const dueOn = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    const { createActionItem: item } = await staff.ok<{ createActionItem: { id: string; status: string } }>(CREATE_ITEM, {
      i: { ownerKind: 'working_group', ownerId: groupId, title: actionTitle, professionalId, dueOn },
    });
    expect(item.status).toBe('OPEN');
    // Its reminder is not due yet: the link is signed as the platform signs it.
    const links = new MeetingLinks(new LinkSigner(process.env.LINK_SECRET as string), process.env.APP_URL ?? stack.url);
    const token = links.actionToken({ tenantId: cpts.id, inviteeId: item.id });
    const longDay = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'UTC',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(`${dueOn}T00:00:00Z`));
    const status = async () =>
      (await staff.ok<{ actionItems: Array<{ id: string; status: string }> }>(ITEMS)).actionItems.find((x) => x.id === item.id)?.status;

    await scenario(stack, 'action item done', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(`/cpts/${cpts.slug}/actions/${token}`);
      await page.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
      await page.getByText('Groupe de travail : Parcours diabète').waitFor();
      await page.getByText(`Échéance : ${longDay}`).waitFor();
      await page.getByText('À faire', { exact: true }).waitFor();
      // Opening the page records nothing.
      expect(await status()).toBe('OPEN');

      await page.getByRole('button', { name: "C'est fait" }).click();
      await page.getByRole('status').getByText("L'action est marquée comme faite. Merci !").waitFor();
      await page.getByText('Faite', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: "C'est fait" }).count()).toBe(0);
      await checkScreen(page, 'action faite');
    });
    expect(await status()).toBe('DONE');
  });

  it('says in French that an altered poll or action link is not valid', async () => {
    await scenario(stack, 'public links invalid', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      for (const kind of ['sondages', 'actions']) {
        await page.goto(`/cpts/${cpts.slug}/${kind}/lien-modifie-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
        await page.getByRole('heading', { level: 1, name: 'Lien non valide' }).waitFor();
      }
    });
  });
});
