import { randomUUID } from 'node:crypto';
import { Db } from '@cpts/platform-db';

const DAY = 86_400_000;
/** A day at a time of day in France (demo dates: near enough to Europe/Paris for a demo, whatever the season). */
const at = (days: number, hour: number) => new Date(Math.floor(Date.now() / DAY + days) * DAY + (hour - 1) * 3_600_000);

/**
 * Two working groups of the Grand Périgueux for the demo: "Parcours
 * diabète" (a meeting held a month ago, its attendance and minutes sent to
 * everyone, action items: one done, one to come, one overdue) and "Soins non
 * programmés" (a scheduling poll open, a few answers in). Written as the
 * modules write them, without emails (nothing is sent in the demo).
 */
export async function seedWorkingGroups(db: Db, tenantId: string, memberUserId: string, staffUserId: string): Promise<void> {
  await db.run({ tenantId, label: 'seed-working-groups' }, async () => {
    const people = await db.tenantRows<{ id: string; name: string; email: string | null }>(
      `SELECT id, last_name || ' ' || first_name AS name, nullif(btrim(email), '') AS email FROM professionals
       WHERE tenant_id = $1 AND archived_at IS NULL ORDER BY abs(hashtext(id::text)), id LIMIT 11`,
      [tenantId],
    );
    const [member] = await db.rows<{ name: string; email: string }>(`SELECT display_name AS name, email FROM users WHERE id = $1`, [
      memberUserId,
    ]);
    const group = async (
      name: string,
      missions: string[],
      frame: [string, string, string],
      referents: typeof people,
      members: typeof people,
    ) => {
      const id = randomUUID();
      await db.tenantRows(
        `INSERT INTO working_groups (tenant_id, id, name, missions, theme, description, frame_purpose, frame_rules, frame_confidentiality, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [tenantId, id, name, missions, name.split(' ').pop(), `Le groupe « ${name} » de la CPTS.`, ...frame, staffUserId],
      );
      const rows = [...referents.map((p) => [p.id, 'referent']), ...members.map((p) => [p.id, 'member'])];
      await db.tenantRows(
        `INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, role, joined_at, added_by)
         SELECT $1, gen_random_uuid(), $2, p, r, now() - interval '90 days', $5 FROM unnest($3::uuid[], $4::text[]) AS x(p, r)`,
        [tenantId, id, rows.map((r) => r[0]), rows.map((r) => r[1]), staffUserId],
      );
      await db.tenantRows(
        `INSERT INTO involvements (tenant_id, professional_id, source, level) SELECT $1, p, 'working_group:' || $2, CASE r WHEN 'referent' THEN 'referent' ELSE 'action' END
         FROM unnest($3::uuid[], $4::text[]) AS x(p, r)`,
        [tenantId, id, rows.map((r) => r[0]), rows.map((r) => r[1])],
      );
      return id;
    };
    const diabetes = await group(
      'Parcours diabète',
      ['care_pathways', 'prevention'],
      [
        'Un parcours lisible pour les patients diabétiques, entre ville et hôpital.',
        'Bienveillance, ponctualité, chacun parle de son métier.',
        'Aucune donnée de patient identifiable.',
      ],
      people.slice(0, 2),
      people.slice(2, 6),
    );
    const snp = await group(
      'Soins non programmés',
      ['access_to_care'],
      [
        'Organiser la réponse aux demandes de soins du jour.',
        'Les décisions se prennent à la majorité des présents.',
        'Les échanges restent dans le groupe.',
      ],
      people.slice(6, 8),
      people.slice(8, 11),
    );
    await db.tenantRows(
      `INSERT INTO working_group_members (tenant_id, id, group_id, user_id, role, added_by) VALUES ($1, gen_random_uuid(), $2, $3, 'member', $4)`,
      [tenantId, diabetes, memberUserId, staffUserId],
    );
    // The level on each record is the highest of its sources (as PersonInvolvement keeps it).
    await db.tenantRows(
      `UPDATE professionals p SET involvement_level = (SELECT i.level FROM involvements i WHERE i.tenant_id = p.tenant_id AND i.professional_id = p.id
         ORDER BY array_position(ARRAY['informed','member','action','referent','governance'], i.level) DESC LIMIT 1)
       WHERE p.tenant_id = $1 AND EXISTS (SELECT 1 FROM involvements i WHERE i.tenant_id = p.tenant_id AND i.professional_id = p.id)`,
      [tenantId],
    );

    // "Parcours diabète": a meeting held a month ago, attendance, minutes sent to everyone.
    const meeting = randomUUID();
    const frame =
      'Objet : Un parcours lisible pour les patients diabétiques, entre ville et hôpital. — Confidentialité : Aucune donnée de patient identifiable.';
    await db.tenantRows(
      `INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, minutes_html, minutes_decisions, minutes_updated_at, minutes_published_at, minutes_published_by, created_by)
       VALUES ($1, $2, 'working_group', $3, 'Parcours diabète', $4, 'Lancement du parcours', $5, $6, 'Maison de santé de Périgueux, salle 2',
               '<h2>Points</h2><p>Le parcours est validé par le groupe. Les pharmaciens relaient le dépistage.</p>', ARRAY['Lancer le parcours en janvier', 'Un atelier patients au printemps'], $6, $6, $7, $7)`,
      [tenantId, meeting, diabetes, frame, at(-30, 19), at(-30, 21), staffUserId],
    );
    await db.tenantRows(
      `INSERT INTO meeting_agenda_items (tenant_id, meeting_id, position, title, duration_minutes) VALUES ($1, $2, 0, 'Tour de table', 15), ($1, $2, 1, 'Le parcours', 60)`,
      [tenantId, meeting],
    );
    const invited = people.slice(0, 6);
    await db.tenantRows(
      `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, email, reply, replied_at, attendance)
       SELECT $1, gen_random_uuid(), $2, p, n, e, 'present', now() - interval '35 days', CASE WHEN i % 3 = 0 THEN 'absent' ELSE 'present' END
       FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS x(p, n, e, i)`,
      [tenantId, meeting, invited.map((p) => p.id), invited.map((p) => p.name), invited.map((p) => p.email)],
    );
    await db.tenantRows(
      `INSERT INTO meeting_minutes_recipients (tenant_id, id, meeting_id, professional_id, name, email, sent_at)
       SELECT $1, gen_random_uuid(), $2, p, n, e, $6 FROM unnest($3::uuid[], $4::text[], $5::text[]) AS x(p, n, e)`,
      [tenantId, meeting, invited.map((p) => p.id), invited.map((p) => p.name), invited.map((p) => p.email), at(-30, 21)],
    );
    await db.tenantRows(
      `INSERT INTO meeting_minutes_recipients (tenant_id, id, meeting_id, user_id, name, email, sent_at) VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6)`,
      [tenantId, meeting, memberUserId, member.name, member.email, at(-30, 21)],
    );
    const item = (title: string, who: (typeof people)[number], dueDays: number, status: 'open' | 'done') =>
      db.tenantRows(
        `INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, meeting_id, title, professional_id, assignee_name, assignee_email, due_on, status, status_at, created_by)
         VALUES ($1, gen_random_uuid(), 'working_group', $2, 'Parcours diabète', $3, $4, $5, $6, $7, current_date + $8::int, $9, CASE WHEN $9 = 'done' THEN now() - interval '5 days' END, $10)`,
        [tenantId, diabetes, meeting, title, who.id, who.name, who.email, dueDays, status, staffUserId],
      );
    await item('Rédiger la fiche parcours', people[0], -10, 'done');
    await item('Préparer l’atelier patients', people[1], 20, 'open');
    await item('Envoyer le questionnaire aux pharmacies', people[2], -4, 'open');

    // "Soins non programmés": a poll open for next week, two answers in.
    const poll = randomUUID();
    await db.tenantRows(
      `INSERT INTO meeting_polls (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, place, created_by)
       VALUES ($1, $2, 'working_group', $3, 'Soins non programmés', 'Objet : Organiser la réponse aux demandes de soins du jour.', 'Réunion de rentrée', 'Maison de santé de Boulazac', $4)`,
      [tenantId, poll, snp, staffUserId],
    );
    const slots = [at(7, 12), at(8, 19), at(9, 13)].map((start) => ({ id: randomUUID(), start }));
    for (const s of slots) {
      await db.tenantRows(`INSERT INTO meeting_poll_slots (tenant_id, id, poll_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)`, [
        tenantId,
        s.id,
        poll,
        s.start,
        new Date(s.start.getTime() + 5_400_000),
      ]);
    }
    const asked = people.slice(6, 11);
    for (const [i, p] of asked.entries()) {
      const invitee = randomUUID();
      await db.tenantRows(
        `INSERT INTO meeting_poll_invitees (tenant_id, id, poll_id, professional_id, name, email, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, invitee, poll, p.id, p.name, p.email, i < 2 ? new Date() : null],
      );
      if (i < 2) {
        await db.tenantRows(
          `INSERT INTO meeting_poll_answers (tenant_id, invitee_id, slot_id, answer) SELECT $1, $2, s, a FROM unnest($3::uuid[], $4::text[]) AS x(s, a)`,
          [tenantId, invitee, slots.map((s) => s.id), i === 0 ? ['yes', 'if_need_be', 'no'] : ['yes', 'no', 'yes']],
        );
      }
    }
    // A newsletter reader's request to join, waiting for a referent's answer.
    await db.tenantRows(
      `INSERT INTO working_group_join_requests (tenant_id, id, group_id, first_name, last_name, email, profession, message, requested_at)
       VALUES ($1, gen_random_uuid(), $2, 'Camille', 'Roux', 'camille.roux@exemple.fr', 'Diététicienne', $3, now() - interval '2 days')`,
      [tenantId, diabetes, "J'accompagne beaucoup de patients diabétiques en libéral : je serais ravie de rejoindre le groupe."],
    );
  });
}
