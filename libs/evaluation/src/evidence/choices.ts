import type { SurveyListItem } from '@cpts/surveys';
import { FicheSourceChoice, FicheSourceKind } from '../fiche.types';
import { Rows } from './read';

/**
 * What a fiche may link, for the web app's picker: the CPTS's working groups,
 * its Pro Actif projects past the draft, its mailings sent or sending, and
 * its memberships of the year; the surveys come from the surveys engine (SurveyEvidence.list).
 */
export async function sourceChoices(rows: Rows, tenantId: string, year: number, surveys: SurveyListItem[]): Promise<FicheSourceChoice[]> {
  const groups = await rows<{ id: string; name: string; status: string }>(
    `SELECT id, name, status FROM working_groups WHERE tenant_id = $1 ORDER BY lower(name), id`,
    [tenantId],
  );
  const projects = await rows<{ id: string; title: string; seq: number; callTitle: string }>(
    `SELECT p.id, p.title, p.seq, c.title AS "callTitle" FROM call_projects p JOIN calls c ON c.tenant_id = p.tenant_id AND c.id = p.call_id
     WHERE p.tenant_id = $1 AND p.status <> 'draft' ORDER BY c.year DESC, p.seq`,
    [tenantId],
  );
  const campaigns = await rows<{ id: string; subject: string; day: string | null }>(
    `SELECT id, subject, to_char(sending_started_at AT TIME ZONE 'Europe/Paris', 'YYYY-MM-DD') AS day FROM campaigns
     WHERE tenant_id = $1 AND status IN ('sending', 'paused', 'sent') ORDER BY sending_started_at DESC NULLS LAST, id`,
    [tenantId],
  );
  return [
    ...groups.map((g) => ({
      kind: FicheSourceKind.WORKING_GROUP,
      id: g.id,
      name: g.name,
      detail: g.status === 'active' ? null : g.status,
    })),
    ...projects.map((p) => ({
      kind: FicheSourceKind.CALL_PROJECT,
      id: p.id,
      name: `P${String(p.seq).padStart(2, '0')} ${p.title}`,
      detail: p.callTitle,
    })),
    ...campaigns.map((c) => ({ kind: FicheSourceKind.CAMPAIGN, id: c.id, name: c.subject, detail: c.day })),
    ...surveys.filter((s) => s.sentAt).map((s) => ({ kind: FicheSourceKind.SURVEY, id: s.id, name: s.title, detail: null })),
    { kind: FicheSourceKind.MEMBERSHIPS, id: tenantId, name: `Adhérents ${year} par profession`, detail: null },
  ];
}
