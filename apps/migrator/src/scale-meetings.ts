import { Db } from '@cpts/platform-db';
import { AciMission } from '@cpts/platform-reference';

/** The shape of the benchmark's working groups (docs/performance.md, "Meetings and working groups"). */
export interface MeetingsScale {
  /** Working groups per CPTS. */
  groups: number;
  /** Meetings per group: the last three to come, the others past (one a month back from now). */
  meetings: number;
  /** Action items per group. */
  actionItems: number;
}

export const DEFAULT_MEETINGS_SCALE: MeetingsScale = { groups: 20, meetings: 15, actionItems: 20 };

/** Meetings still to come in each group (the others are past, with attendance and, but for the latest, minutes sent). */
const UPCOMING = 3;

/** Twenty themes a CPTS's groups are about (a group's name is unique in its CPTS), with their ACI missions. */
const THEMES: Array<[string, Array<`${AciMission}`>]> = [
  ['Parcours diabète', ['care_pathways', 'prevention']],
  ['Soins non programmés', ['access_to_care']],
  ['Accès au médecin traitant', ['access_to_care']],
  ['Parcours insuffisance cardiaque', ['care_pathways']],
  ['Santé mentale des jeunes', ['care_pathways', 'prevention']],
  ['Sortie d’hospitalisation', ['care_pathways']],
  ['Dépistage des cancers', ['prevention']],
  ['Vaccination', ['prevention']],
  ['Gestion de crise sanitaire', ['health_crises']],
  ['Maintien à domicile des personnes âgées', ['care_pathways']],
  ['Obésité de l’enfant', ['prevention', 'care_pathways']],
  ['Attractivité du territoire', ['professional_support']],
  ['Accueil des internes', ['professional_support']],
  ['Qualité et pertinence des soins', ['quality']],
  ['Iatrogénie médicamenteuse', ['quality']],
  ['Plaies chroniques', ['care_pathways']],
  ['Addictions', ['prevention']],
  ['Périnatalité', ['care_pathways', 'prevention']],
  ['Soins palliatifs', ['care_pathways']],
  ['Télésanté', ['access_to_care', 'quality']],
];

/**
 * Working groups at Agora Lib' scale for the benchmarks, in every bench CPTS
 * (contact+N@bench.cpts.fr) that has none yet, so an existing bench database
 * gets them once: `groups` groups (most active, one paused, one closed),
 * each with 2 referents and 8 to 15 members from the CPTS's directory (and
 * one former member), `meetings` meetings (three to come; the past ones
 * with their invitees, replies, attendance and, but for the latest, minutes
 * sent to every member; one of them cancelled), scheduling polls (the
 * four latest meetings held chose their date by one, closed since; one
 * group in four has one open), and `actionItems` action
 * items (open, overdue, done, dropped; owners across the group; due dates
 * from six weeks back to ten weeks ahead). Written as the modules write
 * them, without emails or reminders (nothing is sent), with a few set-based
 * statements per CPTS: seconds for the whole database. Returns how many
 * CPTS were given groups (0 when every one already has them).
 */
export async function seedScaleMeetings(db: Db, scale: MeetingsScale = DEFAULT_MEETINGS_SCALE): Promise<{ cpts: number; groups: number }> {
  if (scale.groups > THEMES.length) throw new Error(`at most ${THEMES.length} groups per CPTS`);
  if (scale.meetings <= UPCOMING) throw new Error(`more than ${UPCOMING} meetings per group`);
  const tenants = await db.run({ tenantId: null }, () =>
    db.rows<{ id: string; coordinator: string | null }>(
      `SELECT t.id, (SELECT u.id FROM users u WHERE u.email = replace(t.contact_email, 'contact+', 'coordination+')) AS coordinator
       FROM tenants t WHERE t.contact_email LIKE 'contact+%@bench.cpts.fr' ORDER BY t.contact_email`,
    ),
  );
  let seeded = 0;
  const waiting = [...tenants];
  // Two CPTS at a time (one transaction each): PostgreSQL's work on one overlaps the round trips of the other.
  const lane = async () => {
    for (let tenant = waiting.shift(); tenant; tenant = waiting.shift()) {
      const { id, coordinator } = tenant;
      const done = await db.run({ tenantId: id, label: 'seed-scale-meetings' }, async () => {
        // The guard: a CPTS that has any group keeps what it has (seeded before, or the bench's own groups).
        const [existing] = await db.tenantRows(`SELECT 1 FROM working_groups WHERE tenant_id = $1 LIMIT 1`, [id]);
        if (existing) return false;
        await seedTenant(db, id, coordinator, scale);
        return true;
      });
      if (done) seeded += 1;
    }
  };
  await Promise.all([lane(), lane()]);
  return { cpts: seeded, groups: seeded * scale.groups };
}

async function seedTenant(db: Db, tenantId: string, by: string | null, scale: MeetingsScale): Promise<void> {
  const themes = THEMES.slice(0, scale.groups);
  // Groups: the 19th paused, the 20th closed; numbered (k) for the statements below.
  await db.tenantRows(
    `INSERT INTO working_groups (tenant_id, id, name, missions, theme, description, status, frame_purpose, frame_rules, frame_confidentiality, created_at, created_by, updated_by)
     SELECT $1, gen_random_uuid(), t.name, t.missions::text[], t.name, 'Le groupe « ' || t.name || ' » de la CPTS : ses membres, ses réunions et ses actions.',
            CASE t.k WHEN 19 THEN 'paused' WHEN 20 THEN 'closed' ELSE 'active' END,
            'Améliorer ensemble : ' || lower(t.name) || '.', 'Bienveillance, ponctualité, chacun parle de son métier.',
            'Aucune donnée de patient identifiable.', now() - interval '2 years', $4, $4
     FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(name, missions, k)`,
    [tenantId, themes.map((t) => t[0]), themes.map((t) => `{${t[1].join(',')}}`), by],
  );
  // Members: each group a window of the directory (k-th 45 people), 2 referents, 8 to 15 members, and one who left.
  await db.tenantRows(
    `WITH g AS (SELECT id, row_number() OVER (ORDER BY created_at, name) AS k FROM working_groups WHERE tenant_id = $1),
          p AS (SELECT id, row_number() OVER (ORDER BY id) AS k, count(*) OVER () AS n FROM professionals
                WHERE tenant_id = $1 AND archived_at IS NULL AND erased_at IS NULL AND merged_into IS NULL),
          seats AS (SELECT g.id AS group_id, g.k, j, 2 + 8 + (g.k * 5) % 8 AS size FROM g, generate_series(1, 18) AS j)
     INSERT INTO working_group_members (tenant_id, id, group_id, professional_id, role, joined_at, added_by, left_at, left_by)
     SELECT $1, gen_random_uuid(), s.group_id, p.id, CASE WHEN s.j <= 2 THEN 'referent' ELSE 'member' END,
            now() - interval '2 years' + s.j * interval '9 days', $2,
            CASE WHEN s.j = s.size + 1 THEN now() - interval '4 months' END, CASE WHEN s.j = s.size + 1 THEN $2::uuid END
     FROM seats s JOIN p ON p.k = 1 + ((s.k - 1) * 45 + s.j - 1) % p.n
     WHERE s.j <= s.size + 1`,
    [tenantId, by],
  );
  // Involvement (a member takes part in an action, a referent is a referent), as PersonInvolvement keeps it.
  await db.tenantRows(
    `INSERT INTO involvements (tenant_id, professional_id, source, level, set_by)
     SELECT $1, m.professional_id, 'working_group:' || m.group_id, CASE m.role WHEN 'referent' THEN 'referent' ELSE 'action' END, $2
     FROM working_group_members m WHERE m.tenant_id = $1 AND m.left_at IS NULL`,
    [tenantId, by],
  );
  await db.tenantRows(
    `UPDATE professionals p SET involvement_level = i.level
     FROM (SELECT DISTINCT ON (professional_id) professional_id, level FROM involvements WHERE tenant_id = $1
           ORDER BY professional_id, array_position(ARRAY['informed','member','action','referent','governance'], level) DESC) i
     WHERE p.tenant_id = $1 AND p.id = i.professional_id AND p.involvement_level IS DISTINCT FROM i.level`,
    [tenantId],
  );
  // Meetings: k = 1 the latest past one (four weeks ago), one every four weeks back from it; the last UPCOMING
  // ones to come, one every two weeks; 18:30 to 20:30 (UTC, near enough to France's evening for a benchmark).
  // The 7th is cancelled; past ones but the latest have their minutes sent two days after.
  await db.tenantRows(
    `WITH g AS (SELECT id, name, frame_purpose, frame_confidentiality FROM working_groups WHERE tenant_id = $1),
          s AS (SELECT g.*, k, CASE WHEN k <= $3 - $4 THEN date_trunc('day', now()) - k * interval '28 days'
                                     ELSE date_trunc('day', now()) + (k - ($3 - $4)) * interval '14 days' END + interval '18 hours 30 minutes' AS starts_at
                FROM g, generate_series(1, $3) AS k)
     INSERT INTO meetings (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, starts_at, ends_at, place, video_url, status, cancelled_at,
                           minutes_html, minutes_decisions, minutes_updated_at, minutes_published_at, minutes_published_by, created_at, created_by, updated_by)
     SELECT $1, gen_random_uuid(), 'working_group', s.id, s.name, 'Objet : ' || s.frame_purpose || ' — Confidentialité : ' || s.frame_confidentiality,
            CASE WHEN s.k = 1 THEN 'Point d’étape' WHEN s.k > $3 - $4 THEN 'Réunion du groupe (' || (s.k - ($3 - $4)) || ')' ELSE 'Réunion ' || s.k END,
            s.starts_at, s.starts_at + interval '2 hours',
            CASE WHEN s.k % 3 <> 0 THEN 'Maison de santé, salle ' || (1 + s.k % 4) END, CASE WHEN s.k % 3 <> 1 THEN 'https://visio.example.fr/' || s.id || '-' || s.k END,
            CASE WHEN s.k = 7 THEN 'cancelled' ELSE 'scheduled' END, CASE WHEN s.k = 7 THEN s.starts_at - interval '3 days' END,
            CASE WHEN s.k <= $3 - $4 AND s.k <> 7 THEN '<h2>Points</h2><p>Tour de table, avancement des actions et suites à donner. Le groupe valide la prochaine étape.</p><ul><li>Retour sur les actions</li><li>Prochaine réunion</li></ul>' END,
            CASE WHEN s.k <= $3 - $4 AND s.k <> 7 THEN ARRAY['Valider la prochaine étape', 'Inviter les pharmaciens du territoire'] ELSE '{}' END,
            CASE WHEN s.k <= $3 - $4 AND s.k <> 7 THEN s.starts_at + interval '1 day' END,
            CASE WHEN s.k BETWEEN 2 AND $3 - $4 AND s.k <> 7 THEN s.starts_at + interval '2 days' END,
            CASE WHEN s.k BETWEEN 2 AND $3 - $4 AND s.k <> 7 THEN $2::uuid END,
            s.starts_at - interval '30 days', $2, $2
     FROM s`,
    [tenantId, by, scale.meetings, UPCOMING],
  );
  await db.tenantRows(
    `INSERT INTO meeting_agenda_items (tenant_id, meeting_id, position, title, duration_minutes, presenter)
     SELECT $1, m.id, a.position, a.title, a.minutes, CASE a.position WHEN 1 THEN 'Les référents' END
     FROM meetings m, (VALUES (0, 'Tour de table', 15), (1, 'Avancement des actions', 45), (2, 'Suites et prochaine réunion', 30)) AS a(position, title, minutes)
     WHERE m.tenant_id = $1`,
    [tenantId],
  );
  // Invitees: the group's members of the time (those who left, until they left), with their reply and, once held, attendance.
  await db.tenantRows(
    `INSERT INTO meeting_invitees (tenant_id, id, meeting_id, professional_id, name, email, invited_at, reply, replied_at, attendance)
     SELECT $1, gen_random_uuid(), m.id, p.id, p.last_name || ' ' || p.first_name, nullif(btrim(p.email), ''), m.created_at, r.reply,
            CASE WHEN r.reply IS NOT NULL THEN m.created_at + interval '3 days' END,
            CASE WHEN m.ends_at < now() AND m.status = 'scheduled' THEN
              CASE WHEN r.reply = 'excused' THEN 'excused' WHEN r.h % 10 < 6 THEN 'present' WHEN r.h % 10 < 8 THEN 'video' ELSE 'absent' END END
     FROM meetings m
     JOIN working_group_members w ON w.tenant_id = m.tenant_id AND w.group_id = m.owner_id AND (w.left_at IS NULL OR w.left_at > m.starts_at)
     JOIN professionals p ON p.tenant_id = w.tenant_id AND p.id = w.professional_id
     CROSS JOIN LATERAL (SELECT abs(hashtext(m.id::text || p.id::text)) AS h) hh
     CROSS JOIN LATERAL (SELECT hh.h, CASE WHEN hh.h % 10 < 6 THEN 'present' WHEN hh.h % 10 = 6 THEN 'excused' WHEN hh.h % 10 = 7 THEN 'absent' END AS reply) r
     WHERE m.tenant_id = $1`,
    [tenantId],
  );
  // Minutes sent: every invitee and member of the time, present or not, with the date they were sent.
  await db.tenantRows(
    `INSERT INTO meeting_minutes_recipients (tenant_id, id, meeting_id, professional_id, name, email, sent_at)
     SELECT $1, gen_random_uuid(), i.meeting_id, i.professional_id, i.name, i.email, m.minutes_published_at
     FROM meeting_invitees i JOIN meetings m ON m.tenant_id = i.tenant_id AND m.id = i.meeting_id
     WHERE i.tenant_id = $1 AND m.minutes_published_at IS NOT NULL`,
    [tenantId],
  );
  // Scheduling polls (what Doodle did): the four latest meetings held were chosen by a poll, closed since (its
  // slot became the meeting), and one group in four has a poll open for its next date; three evening slots each,
  // the group's members of the time asked; most answered a closed poll, about half the open one.
  await db.tenantRows(
    `WITH g AS (SELECT id, name, frame_purpose, row_number() OVER (ORDER BY created_at, name) AS k FROM working_groups WHERE tenant_id = $1),
          held AS (SELECT m.id, m.owner_id, m.created_at, row_number() OVER (PARTITION BY m.owner_id ORDER BY m.starts_at DESC) AS k
                   FROM meetings m WHERE m.tenant_id = $1 AND m.ends_at < now() AND m.status = 'scheduled')
     INSERT INTO meeting_polls (tenant_id, id, owner_kind, owner_id, owner_name, frame, title, place, status, meeting_id, closed_at, created_at, created_by)
     SELECT $1, gen_random_uuid(), 'working_group', g.id, g.name, 'Objet : ' || g.frame_purpose, 'Prochaine réunion', 'Maison de santé, salle 1',
            p.status, p.meeting_id, p.closed_at, p.created_at, $2
     FROM g CROSS JOIN LATERAL (
       SELECT 'closed' AS status, held.id AS meeting_id, held.created_at AS closed_at, held.created_at - interval '10 days' AS created_at
       FROM held WHERE held.owner_id = g.id AND held.k <= 4
       UNION ALL SELECT 'open', NULL, NULL, now() - interval '3 days' WHERE g.k % 4 = 0) p`,
    [tenantId, by],
  );
  await db.tenantRows(
    `INSERT INTO meeting_poll_slots (tenant_id, id, poll_id, starts_at, ends_at)
     SELECT $1, gen_random_uuid(), p.id, b.at + d * interval '1 day', b.at + d * interval '1 day' + interval '2 hours'
     FROM meeting_polls p LEFT JOIN meetings m ON m.tenant_id = p.tenant_id AND m.id = p.meeting_id
     CROSS JOIN LATERAL (SELECT coalesce(m.starts_at, date_trunc('day', now()) + interval '60 days 18 hours') AS at) b
     CROSS JOIN unnest(ARRAY[0, 2, 7]) AS d
     WHERE p.tenant_id = $1`,
    [tenantId],
  );
  await db.tenantRows(
    `INSERT INTO meeting_poll_invitees (tenant_id, id, poll_id, professional_id, name, email, answered_at)
     SELECT $1, gen_random_uuid(), p.id, pr.id, pr.last_name || ' ' || pr.first_name, nullif(btrim(pr.email), ''),
            CASE WHEN abs(hashtext(p.id::text || pr.id::text)) % 20 < CASE p.status WHEN 'open' THEN 10 ELSE 17 END THEN p.created_at + interval '2 days' END
     FROM meeting_polls p
     JOIN working_group_members w ON w.tenant_id = p.tenant_id AND w.group_id = p.owner_id AND (w.left_at IS NULL OR w.left_at > p.created_at)
     JOIN professionals pr ON pr.tenant_id = w.tenant_id AND pr.id = w.professional_id
     WHERE p.tenant_id = $1`,
    [tenantId],
  );
  await db.tenantRows(
    `INSERT INTO meeting_poll_answers (tenant_id, invitee_id, slot_id, answer)
     SELECT $1, i.id, s.id, (ARRAY['yes', 'if_need_be', 'no'])[1 + abs(hashtext(i.id::text || s.id::text)) % 3]
     FROM meeting_poll_invitees i JOIN meeting_poll_slots s ON s.tenant_id = i.tenant_id AND s.poll_id = i.poll_id
     WHERE i.tenant_id = $1 AND i.answered_at IS NOT NULL`,
    [tenantId],
  );
  // Action items: owners across the group's current members, due from 6 weeks back to 10 weeks ahead; three in ten
  // done, one in ten dropped, the rest open (those past their due date: overdue); most from a past meeting's minutes.
  await db.tenantRows(
    `WITH g AS (SELECT id, name FROM working_groups WHERE tenant_id = $1),
          w AS (SELECT m.group_id, p.id AS professional_id, p.last_name || ' ' || p.first_name AS name, nullif(btrim(p.email), '') AS email,
                       row_number() OVER (PARTITION BY m.group_id ORDER BY m.joined_at, m.id) AS k, count(*) OVER (PARTITION BY m.group_id) AS n
                FROM working_group_members m JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
                WHERE m.tenant_id = $1 AND m.left_at IS NULL),
          past AS (SELECT id, owner_id, row_number() OVER (PARTITION BY owner_id ORDER BY starts_at DESC) AS k
                   FROM meetings WHERE tenant_id = $1 AND ends_at < now() AND status = 'scheduled'),
          items AS (SELECT g.id AS group_id, g.name AS group_name, i,
                           CASE WHEN i % 10 IN (1, 4, 7) THEN 'done' WHEN i % 10 = 9 THEN 'dropped' ELSE 'open' END AS status,
                           current_date + (i * 6 - 50 + (i * 3) % 5) AS due_on
                    FROM g, generate_series(1, $3) AS i)
     INSERT INTO action_items (tenant_id, id, owner_kind, owner_id, owner_name, meeting_id, title, professional_id, assignee_name, assignee_email,
                               due_on, status, status_at, status_by, created_at, created_by)
     SELECT $1, gen_random_uuid(), 'working_group', it.group_id, it.group_name, past.id,
            (ARRAY['Rédiger la fiche parcours', 'Préparer l’atelier patients', 'Envoyer le questionnaire aux pharmacies', 'Contacter le centre hospitalier',
                   'Mettre à jour l’annuaire des ressources', 'Organiser la soirée de formation', 'Relancer les infirmiers libéraux',
                   'Présenter le projet au bureau', 'Faire le bilan des inclusions', 'Diffuser l’affiche en salle d’attente'])[1 + it.i % 10] || ' (' || it.i || ')',
            w.professional_id, w.name, w.email, it.due_on, it.status,
            CASE WHEN it.status <> 'open' THEN least(now(), it.due_on - 3 + time '10:00') END, CASE WHEN it.status <> 'open' THEN $2::uuid END,
            it.due_on - 30 + time '21:00', $2
     FROM items it
     JOIN w ON w.group_id = it.group_id AND w.k = 1 + (it.i * 7) % w.n
     LEFT JOIN past ON past.owner_id = it.group_id AND past.k = 1 + it.i % 8 AND it.i % 4 <> 0`,
    [tenantId, by, scale.actionItems],
  );
}
