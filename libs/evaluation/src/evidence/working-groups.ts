import { FicheEvidence } from '../fiche.types';
import { frDay } from '../file-labels';
import { EvidenceReader, missing, parisDay } from './read';

/**
 * A working group's evidence for the year: its meetings held (scheduled, not
 * cancelled, started by now, in the Paris year) and who took part in them.
 * Reads the working groups' and the meetings engine's tables with the same
 * definitions as the meetings' participation figures (libs/meetings
 * participation.ts): present in the room or by video, guests counted.
 */
export const workingGroupEvidence: EvidenceReader = async (rows, tenantId, ids, year) => {
  const groups = await rows<{ id: string; name: string }>(
    `SELECT id, name FROM working_groups WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
    [tenantId, [...ids]],
  );
  const meetings = await rows<{ groupId: string; title: string; day: string; participants: number }>(
    `SELECT m.owner_id AS "groupId", m.title, ${parisDay('m.starts_at')} AS day,
            (count(i.id) FILTER (WHERE i.attendance IN ('present', 'video')))::int + m.guest_count AS participants
     FROM meetings m LEFT JOIN meeting_invitees i ON i.tenant_id = m.tenant_id AND i.meeting_id = m.id
     WHERE m.tenant_id = $1 AND m.owner_kind = 'working_group' AND m.owner_id = ANY($2::uuid[]) AND m.status = 'scheduled'
       AND m.starts_at <= now() AND extract(year FROM m.starts_at AT TIME ZONE 'Europe/Paris') = $3
     GROUP BY m.tenant_id, m.id ORDER BY m.starts_at, m.id`,
    [tenantId, [...ids], year],
  );
  const people = await rows<{ groupId: string; n: number }>(
    `SELECT m.owner_id AS "groupId", count(DISTINCT coalesce(i.professional_id, i.user_id))::int AS n
     FROM meetings m JOIN meeting_invitees i ON i.tenant_id = m.tenant_id AND i.meeting_id = m.id
     WHERE m.tenant_id = $1 AND m.owner_kind = 'working_group' AND m.owner_id = ANY($2::uuid[]) AND m.status = 'scheduled'
       AND m.starts_at <= now() AND extract(year FROM m.starts_at AT TIME ZONE 'Europe/Paris') = $3 AND i.attendance IN ('present', 'video')
     GROUP BY 1`,
    [tenantId, [...ids], year],
  );
  const byId = new Map(groups.map((g) => [g.id, g]));
  return ids.map((id): FicheEvidence => {
    const group = byId.get(id);
    if (!group) return missing('working_group', id, 'Groupe de travail');
    const held = meetings.filter((m) => m.groupId === id);
    return {
      id,
      kind: 'working_group',
      automatic: true,
      title: `Groupe de travail « ${group.name} »`,
      from: held[0]?.day ?? null,
      to: held[held.length - 1]?.day ?? null,
      figures: [
        { label: 'Réunions tenues', value: held.length, unit: null, key: 'meetings' },
        { label: 'Participations', value: held.reduce((sum, m) => sum + m.participants, 0), unit: null, key: 'attendances' },
        { label: 'Personnes distinctes', value: people.find((p) => p.groupId === id)?.n ?? 0, unit: null, key: 'participants' },
      ],
      details: held.map((m) => `${frDay(m.day)} — ${m.title} : ${m.participants} participant${m.participants > 1 ? 's' : ''}`),
      url: `/groupes-de-travail/${id}`,
      gap: null,
    };
  });
};
