import { simpleParser } from 'mailparser';
import { Page } from 'playwright-core';
import { Role } from '@cpts/platform-core';
import { createRedis, QueueProducer } from '@cpts/platform-queue';
import { enqueueReminders } from '@cpts/platform-reminders';
import { checkScreen, linkFromMail, newPage, scenario, signIn, Stack, startStack } from './harness';

const DAY = 86_400_000;
/** A Paris calendar day, `days` from now, as a date input takes it ("2026-12-13"). */
const parisDay = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date(Date.now() + days * DAY));

/**
 * A working group's whole cycle in a real browser, with the real gateway,
 * worker and SMTP sink: the staff create a group with two referents and two
 * members, propose two slots instead of a Doodle; two invitees answer from
 * their email links (one on a phone), the staff's tallies follow without a
 * reload, those who have not answered are reminded (only them); the staff
 * close the poll on the slot most can come to, and the invitation with its
 * event reaches the members; a document is attached; after the meeting,
 * attendance (one absent), the minutes with a decision and an action item,
 * published: the absent member receives them and the meeting's history
 * says so; the action's person marks it done from their reminder's link.
 */
describe('a working group meeting from the scheduling poll to the minutes', () => {
  let stack: Stack;
  let staff: string;
  let cpts: { id: string; communes: string[]; slug: string };
  const group = 'Parcours insuffisance cardiaque';
  const title = 'Lancement du parcours';
  const actionTitle = 'Rédiger la fiche de liaison ville-hôpital';
  const people = {
    claire: { name: 'Martin Claire', email: 'claire.martin@msp-limoges.test' },
    luc: { name: 'Bernard Luc', email: 'luc.bernard@msp-limoges.test' },
    julie: { name: 'Petit Julie', email: 'julie.petit@msp-limoges.test' },
    marc: { name: 'Leroy Marc', email: 'marc.leroy@msp-limoges.test' },
  };
  const firstDay = parisDay(10);
  const secondDay = parisDay(11);
  let groupPath: string;
  let pollPath: string;
  let meetingPath: string;
  let meetingId: string;

  beforeAll(async () => {
    stack = await startStack();
    const { data } = stack;
    cpts = await data.cpts(await data.region('75'), { name: 'CPTS de Limoges Métropole', departement: '87', communes: 1 });
    staff = (await data.user([{ role: Role.STAFF, tenantId: cpts.id }], 'staff.reunions@e2e.cpts.fr')).email;
    const commune = cpts.communes[0];
    for (const [code, p] of [
      ['10', people.claire],
      ['60', people.luc],
      ['70', people.julie],
      ['50', people.marc],
    ] as const) {
      const [lastName, firstName] = p.name.split(' ');
      await data.professional(cpts.id, commune, { lastName, firstName, professionCode: code, email: p.email });
    }
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** Adds people found by name in the directory to the group, all with one role. */
  const addPeople = async (page: Page, names: string[], role: 'Membre' | 'Référent·e') => {
    await page.getByRole('button', { name: 'Ajouter des personnes' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter des personnes au groupe' });
    for (const name of names) {
      await dialog.getByLabel("Personnes de l'annuaire").fill(name.split(' ')[0]);
      await page.getByRole('option', { name: new RegExp(`^${name} ·`) }).click();
      await dialog.getByText(name, { exact: true }).waitFor();
    }
    await dialog.getByRole('radio', { name: role }).check();
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  };
  /** A slot as the poll's pages name it: "dimanche 13 décembre 2026, de 18:30 à 20:00". */
  const slotName = (hours: string) => new RegExp(`^\\S+ \\d{1,2} \\S+ \\d{4}, de ${hours}$`);
  const firstSlot = slotName('18:30 à 20:00');
  const secondSlot = slotName('12:30 à 14:00');

  it('creates a group with two referents and two members, and proposes two slots to it', async () => {
    await scenario(stack, 'poll created', async (page) => {
      await signIn(page, staff);
      await page.getByRole('link', { name: 'Groupes de travail' }).first().click();
      await page.getByRole('link', { name: 'Nouveau groupe' }).first().click();
      await page.getByLabel('Nom du groupe').fill(group);
      await page.getByRole('combobox', { name: 'Missions ACI' }).click();
      await page.getByRole('option', { name: 'Parcours pluriprofessionnels' }).click();
      await page.keyboard.press('Escape');
      await page.getByLabel('Objet').fill('Éviter les réhospitalisations des patients insuffisants cardiaques.');
      await page.getByRole('button', { name: 'Créer le groupe' }).click();
      await page.getByRole('heading', { level: 1, name: group }).waitFor();
      groupPath = new URL(page.url()).pathname;
      await addPeople(page, [people.claire.name, people.luc.name], 'Référent·e');
      await addPeople(page, [people.julie.name, people.marc.name], 'Membre');
      await page.getByRole('heading', { name: 'Référents et membres (4)' }).waitFor();

      // The poll: what and where, two slots (an evening, a lunch break), the group invited.
      await page.getByRole('button', { name: 'Proposer des créneaux' }).click();
      const dialog = page.getByRole('dialog', { name: 'Proposer des créneaux' });
      const slot = (n: number) => dialog.getByRole('group', { name: `Créneau ${n}` });
      await dialog.getByLabel('Titre').fill(title);
      await dialog.getByLabel('Lieu').fill('Maison de santé de Beaubreuil, salle de réunion');
      await dialog.getByLabel('Lien de visioconférence').fill('https://visio.exemple.fr/cardio');
      // A slot already past: the API's French message, next to that slot's date; nothing is written.
      await slot(1).getByLabel('Date').fill(parisDay(-1));
      await slot(2).getByLabel('Date').fill(secondDay);
      await slot(2).getByLabel('Début').fill('12:30');
      await slot(2).getByLabel('Fin').fill('14:00');
      await dialog.getByRole('button', { name: 'Envoyer le sondage' }).click();
      await slot(1).getByText('La réunion ne peut pas commencer dans le passé.').waitFor();
      expect(await slot(1).getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
      const polls = await stack.data.inTenant(cpts.id, (db) => db.query(`SELECT 1 FROM meeting_polls WHERE tenant_id = $1`, [cpts.id]));
      expect(polls.rowCount).toBe(0);

      // Corrected, the slot's message goes.
      await slot(1).getByLabel('Date').fill(firstDay);
      await slot(1).getByText('La réunion ne peut pas commencer dans le passé.').waitFor({ state: 'detached' });
      // A third slot keeps the second's hours; removed again.
      await dialog.getByRole('button', { name: 'Ajouter un créneau' }).click();
      expect(await slot(3).getByLabel('Début').inputValue()).toBe('12:30');
      await dialog.getByRole('button', { name: 'Retirer le créneau 3' }).click();
      await dialog.getByText('Inviter les membres du groupe (4 personnes)').waitFor();
      await checkScreen(page, 'sondage créer');
      await dialog.getByRole('button', { name: 'Envoyer le sondage' }).click();

      // The organiser lands on the poll: nobody has answered yet.
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await page.getByText('Réponses : 0 sur 4 personnes interrogées').waitFor();
      pollPath = new URL(page.url()).pathname;
      expect(pollPath).toMatch(new RegExp(`^${groupPath}/sondages/[0-9a-f-]{36}$`));
      await page.getByRole('listitem', { name: firstSlot }).getByText('0 oui · 0 si besoin · 0 non · 4 sans réponse').waitFor();

      // The group's page lists it among the open polls.
      await page.getByRole('link', { name: group }).click();
      const open = page.getByRole('listitem', { name: title });
      await open.getByText('Réponses : 0 sur 4 personnes interrogées').waitFor();
      await open.getByText(/^2 créneaux : /).waitFor();
      await open.getByRole('link', { name: `Voir le sondage : ${title}` }).waitFor();
      await checkScreen(page, 'groupe de travail sondage en cours');
    });
  });

  it('takes two answers from the email links (a phone, a desktop): the tallies follow live; a reminder goes to the others only', async () => {
    for (const p of Object.values(people))
      await stack.sink.waitFor(
        (messages) => messages.some((m) => m.to.includes(p.email) && m.subject === `Quelle date pour « ${title} » ?`),
        30_000,
      );
    const pollLink = (email: string) =>
      linkFromMail(stack.sink, email, new RegExp(`${stack.url}/cpts/${cpts.slug}/sondages/[A-Za-z0-9_-]+`));
    const julieLink = await pollLink(people.julie.email);
    const claireLink = await pollLink(people.claire.email);

    /** An invitee answers in a browser of their own, without an account. */
    const answer = async (link: string, width: number, choices: [string, string]) => {
      const { context, page, errors } = await newPage(stack);
      try {
        await page.setViewportSize({ width, height: width < 400 ? 812 : 900 });
        await page.goto(link);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        await page.getByRole('radiogroup', { name: firstSlot }).getByRole('radio', { name: choices[0], exact: true }).check();
        await page.getByRole('radiogroup', { name: secondSlot }).getByRole('radio', { name: choices[1], exact: true }).check();
        await page.getByRole('button', { name: 'Enregistrer mes disponibilités' }).click();
        await page.getByRole('status').getByText('Vos disponibilités sont enregistrées. Merci !').waitFor();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    };

    await scenario(stack, 'poll tallies', async (page) => {
      await signIn(page, staff);
      await page.goto(pollPath);
      const first = page.getByRole('listitem', { name: firstSlot });
      const second = page.getByRole('listitem', { name: secondSlot });
      await first.getByText('0 oui · 0 si besoin · 0 non · 4 sans réponse').waitFor();

      // The answers arrive while the page stays open: no reload, the tallies are read again on their own.
      await answer(julieLink, 375, ['Oui', 'Si besoin']);
      await first.getByText('1 oui · 0 si besoin · 0 non · 3 sans réponse').waitFor({ timeout: 25_000 });
      await second.getByText('0 oui · 1 si besoin · 0 non · 3 sans réponse').waitFor();
      await answer(claireLink, 1280, ['Oui', 'Non']);
      await first.getByText('2 oui · 0 si besoin · 0 non · 2 sans réponse').waitFor({ timeout: 25_000 });
      await second.getByText('0 oui · 1 si besoin · 1 non · 2 sans réponse').waitFor();
      await page.getByText('Réponses : 2 sur 4 personnes interrogées').waitFor();
      await first.getByText('Le plus de disponibilités').waitFor();
      expect(await second.getByText('Le plus de disponibilités').count()).toBe(0);

      // Who answered what, and who has not answered yet.
      const answers = page.getByRole('region', { name: 'Réponses par personne et par créneau' });
      const julie = answers.getByRole('row', { name: new RegExp(people.julie.name) });
      expect(await julie.getByRole('cell').allInnerTexts()).toEqual(['Oui', 'Si besoin', expect.stringMatching(/\d{4}/)]);
      const claire = answers.getByRole('row', { name: new RegExp(people.claire.name) });
      expect(await claire.getByRole('cell').allInnerTexts()).toEqual(['Oui', 'Non', expect.stringMatching(/\d{4}/)]);
      await answers
        .getByRole('row', { name: new RegExp(people.marc.name) })
        .getByText('Pas encore répondu')
        .waitFor();
      await page.getByRole('heading', { name: 'Sans réponse (2)' }).waitFor();
      await page.getByText(`${people.luc.name}, ${people.marc.name}`, { exact: true }).waitFor();
      await checkScreen(page, 'sondage résultats');

      // The reminder: asked first, then said; only those who have not answered get it.
      await page.getByRole('button', { name: 'Relancer les personnes sans réponse' }).click();
      const confirm = page.getByRole('dialog', { name: 'Relancer les personnes sans réponse ?' });
      await confirm.getByText(/^2 personnes n'ont pas encore répondu\./).waitFor();
      await confirm.getByRole('button', { name: 'Envoyer les relances' }).click();
      await confirm.waitFor({ state: 'detached' });
      await page
        .getByRole('status')
        .getByText(/^2 relances envoyées à \d{2}:\d{2} aux personnes sans réponse\.$/)
        .waitFor();
    });
    const reminder = `Relance : quelle date pour « ${title} » ?`;
    for (const p of [people.luc, people.marc])
      await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(p.email) && m.subject === reminder), 30_000);
    // Sent in the same pass as theirs: none went to those who answered.
    for (const p of [people.julie, people.claire]) expect(stack.sink.to(p.email).filter((m) => m.subject === reminder)).toEqual([]);
  });

  it('closes the poll on the slot most can come to: the meeting is scheduled and the organiser lands on it', async () => {
    await scenario(stack, 'poll closed', async (page) => {
      await signIn(page, staff);
      await page.goto(pollPath);
      await page.getByRole('listitem', { name: firstSlot }).getByRole('button', { name: 'Clore et choisir ce créneau' }).click();
      const confirm = page.getByRole('dialog', { name: 'Clore le sondage sur ce créneau ?' });
      await confirm
        .getByText(/de 18:30 à 20:00\. La réunion est planifiée et les 4 personnes interrogées reçoivent l'invitation/)
        .waitFor();
      await confirm.getByRole('button', { name: 'Clore et planifier la réunion' }).click();

      // The organiser lands on the meeting (named as the poll was).
      await page.waitForURL((u) => u.pathname.includes('/reunions/'));
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      meetingPath = new URL(page.url()).pathname;
      expect(meetingPath).toMatch(new RegExp(`^${groupPath}/reunions/[0-9a-f-]{36}$`));
      meetingId = meetingPath.split('/').pop()!;
      await page.getByText('À venir', { exact: true }).waitFor();
      await page.getByText(/^Quand : \S+ \d{1,2} \S+ \d{4}, de 18:30 à 20:00 \(heure de Paris\)$/).waitFor();
      await page.getByRole('heading', { name: '4 invité·es' }).waitFor();
      await page.getByText('Les présences se notent une fois la réunion commencée.').waitFor();

      // The poll is closed, and says where its meeting is.
      await page.goto(pollPath);
      await page.getByText('Clos', { exact: true }).waitFor();
      await page.getByRole('link', { name: 'Voir la réunion' }).waitFor();
      expect(await page.getByRole('button', { name: 'Clore et choisir ce créneau' }).count()).toBe(0);
    });
  });

  it("sends the invitation to every member with the event for their calendar: a request, the meeting's UID, the chosen slot at 18:30 in Paris", async () => {
    const subject = `Invitation : ${title}`;
    for (const p of Object.values(people))
      await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(p.email) && m.subject === subject), 30_000);
    const mail = stack.sink.to(people.marc.email).find((m) => m.subject === subject)!;
    expect(mail.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const ics = (await simpleParser(mail.raw)).attachments.find((a) => a.filename === 'invitation.ics')!.content.toString('utf8');
    expect(ics).toMatch(/^METHOD:REQUEST\r?$/m);
    expect(ics).toMatch(new RegExp(`^UID:${meetingId}@meetings\\.cpts\\r?$`, 'm'));
    // 18:30 in Paris, whichever way the calendar writes it: Paris wall-clock time with its TZID, or the same instant in UTC.
    const [y, m, d] = firstDay.split('-').map(Number);
    const utc = new Date(Date.UTC(y, m - 1, d, 18, 30) - parisOffsetMs(y, m, d));
    const utcText = utc.toISOString().replace(/[-:]/g, '').slice(0, 15);
    const start = ics.match(/^DTSTART[^\r\n]*/m)?.[0];
    expect([`DTSTART;TZID=Europe/Paris:${firstDay.replace(/-/g, '')}T183000`, `DTSTART:${utcText}Z`]).toContain(start);
  });

  it('attaches a document (a fake PDF refused in French), downloads it, and the meeting takes place', async () => {
    await scenario(stack, 'meeting documents', async (page) => {
      await signIn(page, staff);
      await page.goto(meetingPath);
      const documents = page.getByRole('region', { name: /^Documents/ });
      await documents.getByText('Aucun document joint à cette réunion.').waitFor();
      const input = documents.locator('input[type="file"]');
      // An executable renamed as a PDF: refused, said in French, nothing listed.
      await input.setInputFiles({
        name: 'ordre-du-jour.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not a pdf'),
      });
      await documents.getByRole('button', { name: 'Joindre le document' }).click();
      await documents.getByRole('alert').getByText("Ce fichier n'est pas un vrai fichier PDF : il n'a pas été ajouté.").waitFor();
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
      await input.setInputFiles({ name: 'ordre-du-jour.pdf', mimeType: 'application/pdf', buffer: pdf });
      await documents.getByRole('button', { name: 'Joindre le document' }).click();
      const doc = documents.getByRole('listitem', { name: 'ordre-du-jour.pdf' });
      await doc.getByText(new RegExp(`^PDF · ${pdf.length} o · ajouté le .+ par `)).waitFor();
      await documents.getByRole('heading', { name: 'Documents (1)' }).waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        doc.getByRole('button', { name: 'Télécharger ordre-du-jour.pdf' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('ordre-du-jour.pdf');
      const stream = await download.createReadStream();
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      expect(Buffer.concat(chunks).equals(pdf)).toBe(true);

      // A second one, attached by mistake: removed after a confirmation.
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
      await input.setInputFiles({ name: 'photo-tableau.png', mimeType: 'image/png', buffer: png });
      await documents.getByRole('button', { name: 'Joindre le document' }).click();
      const photo = documents.getByRole('listitem', { name: 'photo-tableau.png' });
      await photo.getByText(/^Image PNG · 72 o · /).waitFor();
      await photo.getByRole('button', { name: 'Retirer photo-tableau.png' }).click();
      const confirm = page.getByRole('dialog', { name: 'Retirer ce document ?' });
      await confirm.getByText('« photo-tableau.png » ne sera plus joint à la réunion ; le fichier est supprimé.').waitFor();
      await confirm.getByRole('button', { name: 'Retirer le document' }).click();
      await photo.waitFor({ state: 'detached' });
      await documents.getByRole('heading', { name: 'Documents (1)' }).waitFor();
      await checkScreen(page, 'réunion documents');
    });

    // The meeting took place: moved into the past as time would (attendance and minutes come once it has started).
    await stack.data.inTenant(cpts.id, (db) =>
      db.query(
        `UPDATE meetings SET starts_at = now() - interval '2 hours', ends_at = now() - interval '30 minutes' WHERE tenant_id = $1 AND id = $2`,
        [cpts.id, meetingId],
      ),
    );
  });

  it('records attendance with one absent, writes the minutes with a decision and an action item, and publishes them to everyone', async () => {
    await scenario(stack, 'meeting minutes', async (page) => {
      await signIn(page, staff);
      await page.goto(meetingPath);
      await page.getByText('Tenue', { exact: true }).waitFor();
      // The group's frame, read out at the start of the meeting.
      const invitation = page.getByRole('region', { name: "L'invitation" });
      await invitation.getByText('Le cadre du groupe, rappelé en début de réunion').waitFor();
      await invitation.getByText(/^Objet : Éviter les réhospitalisations des patients insuffisants cardiaques\./).waitFor();

      // Attendance: one of each, the absent member included.
      const attendance = page.getByRole('region', { name: 'Présences (4 invité·es)' });
      for (const [p, value] of [
        [people.claire, 'Présent·e'],
        [people.luc, 'En visio'],
        [people.julie, 'Présent·e'],
        [people.marc, 'Absent·e'],
      ] as const)
        await attendance.getByRole('radiogroup', { name: p.name }).getByRole('radio', { name: value }).check();
      await attendance.getByRole('button', { name: 'Enregistrer les présences' }).click();
      await attendance.getByText('Présences enregistrées.', { exact: true }).waitFor();
      await checkScreen(page, 'réunion présences');
      const recorded = await stack.data.inTenant(cpts.id, (db) =>
        db.query(`SELECT name, attendance FROM meeting_invitees WHERE tenant_id = $1 AND meeting_id = $2 ORDER BY name`, [
          cpts.id,
          meetingId,
        ]),
      );
      expect(recorded.rows).toEqual([
        { name: people.luc.name, attendance: 'video' },
        { name: people.marc.name, attendance: 'absent' },
        { name: people.claire.name, attendance: 'present' },
        { name: people.julie.name, attendance: 'present' },
      ]);

      // The minutes: rich text, a decision; the draft is saved.
      const minutes = page.getByRole('region', { name: 'Compte rendu', exact: true });
      const editor = minutes.getByRole('textbox', { name: 'Texte du compte rendu' });
      await editor.click();
      await page.keyboard.type('Le parcours est lancé avec les deux maisons de santé du quartier.');
      await page.keyboard.press('Enter');
      await minutes.getByRole('button', { name: 'Liste à puces' }).click();
      await page.keyboard.type('Fiche de liaison à écrire');
      await minutes.getByRole('button', { name: 'Ajouter une décision' }).click();
      await minutes.getByRole('textbox', { name: 'Décision 1' }).fill('Inclure les premiers patients en janvier.');
      await minutes.getByText('Modifications non enregistrées.').waitFor();
      await minutes.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
      await minutes.getByText('Brouillon enregistré.').waitFor();

      // An action item from the minutes, for the member who was absent.
      const actions = page.getByRole('region', { name: 'Actions décidées' });
      await actions.getByRole('textbox', { name: 'Action', exact: true }).fill(actionTitle);
      await actions.getByLabel('Qui').click();
      await page.getByRole('option', { name: people.marc.name }).click();
      await actions.getByLabel('Échéance').fill(parisDay(10));
      await actions.getByRole('button', { name: "Ajouter l'action" }).click();
      const item = actions.getByRole('listitem', { name: actionTitle });
      await item.getByText(new RegExp(`^${people.marc.name} · Échéance`)).waitFor();
      await checkScreen(page, 'compte rendu rédiger');

      // Published after a confirmation that says to whom; then final, and the history says who received it.
      await minutes.getByRole('button', { name: 'Publier le compte rendu' }).click();
      const confirm = page.getByRole('dialog', { name: 'Publier le compte rendu ?' });
      await confirm
        .getByText(/^Il est envoyé par e-mail à 4 personnes : chaque membre actuel du groupe et chaque invité·e, présent·e ou non\.$/)
        .waitFor();
      await confirm.getByRole('button', { name: 'Publier et envoyer' }).click();
      await confirm.waitFor({ state: 'detached' });
      await minutes.getByText(/^Envoyé le .+ à 4 personnes\.$/).waitFor();
      await minutes.getByText('Inclure les premiers patients en janvier.').waitFor();
      expect(await minutes.getByRole('button', { name: 'Enregistrer le brouillon' }).count()).toBe(0);
      const recipients = page.getByRole('region', { name: 'Envoi du compte rendu' });
      const absent = recipients.getByRole('row', { name: new RegExp(people.marc.name) });
      await absent.getByText('Par e-mail').waitFor();
      expect(await recipients.getByRole('row').count()).toBe(5);
      await checkScreen(page, 'compte rendu publié');

      // The group's page: a past meeting whose minutes anyone there reads.
      await page.getByRole('link', { name: group }).click();
      const past = page.getByRole('listitem', { name: title });
      await past.getByText(/^Compte rendu envoyé le /).waitFor();
      await past.getByRole('button', { name: 'Lire le compte rendu' }).click();
      await past.getByText('Le parcours est lancé avec les deux maisons de santé du quartier.').waitFor();
      await checkScreen(page, 'groupe de travail compte rendu');
    });

    // The absent member receives the minutes, decisions included.
    const subject = `Compte rendu : ${title}`;
    await stack.sink.waitFor((messages) => messages.some((m) => m.to.includes(people.marc.email) && m.subject === subject), 30_000);
    const mail = stack.sink.to(people.marc.email).find((m) => m.subject === subject)!;
    expect(mail.text).toContain('Le parcours est lancé avec les deux maisons de santé du quartier.');
    expect(mail.text).toContain('Inclure les premiers patients en janvier.');
  });

  it('lets the person of the action item mark it done from their reminder, on a phone', async () => {
    const { rows } = await stack.data.inTenant(cpts.id, (db) =>
      db.query(`SELECT id, meeting_id AS "meetingId" FROM action_items WHERE tenant_id = $1 AND title = $2`, [cpts.id, actionTitle]),
    );
    expect(rows).toEqual([{ id: expect.any(String), meetingId }]);
    // Its reminder is due two days before the date: brought to now, as time would, and queued as the reconciler would.
    const due = await stack.data.inTenant(cpts.id, (db) =>
      db.query(
        `UPDATE reminders SET fire_at = now() WHERE tenant_id = $1 AND kind = 'action_item.due' AND ref = $2 AND state = 'scheduled' RETURNING id`,
        [cpts.id, rows[0].id],
      ),
    );
    expect(due.rowCount).toBe(1);
    const redis = createRedis(process.env.REDIS_URL as string, 'client');
    const producer = new QueueProducer(redis, process.env.REDIS_PREFIX as string);
    try {
      await enqueueReminders(producer, cpts.id, [{ id: due.rows[0].id, fireAt: new Date() }]);
    } finally {
      await producer.close();
      redis.disconnect();
    }
    await stack.sink.waitFor(
      (messages) => messages.some((m) => m.to.includes(people.marc.email) && m.subject === `Échéance proche : ${actionTitle}`),
      30_000,
    );
    const link = await linkFromMail(stack.sink, people.marc.email, new RegExp(`${stack.url}/cpts/${cpts.slug}/actions/[A-Za-z0-9_-]+`));

    await scenario(stack, 'action item done from its reminder', async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto(link);
      await page.getByRole('heading', { level: 1, name: actionTitle }).waitFor();
      await page.getByRole('button', { name: "C'est fait" }).click();
      await page.getByRole('status').getByText("L'action est marquée comme faite. Merci !").waitFor();
    });

    // The meeting's page says so.
    await scenario(stack, 'action item done seen by the staff', async (page) => {
      await signIn(page, staff);
      await page.goto(meetingPath);
      await page
        .getByRole('region', { name: 'Actions décidées' })
        .getByRole('listitem', { name: actionTitle })
        .getByText('Faite', { exact: true })
        .waitFor();
    });
  });
});

/** Paris's offset from UTC on that day at noon (an hour in winter, two in summer), in milliseconds. */
function parisOffsetMs(year: number, month: number, day: number): number {
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  const paris = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' }).format(noon);
  return (Number(paris) - 12) * 3_600_000;
}
