import { randomUUID } from 'node:crypto';
import { Db } from '@cpts/platform-db';

interface DemoIndicator {
  label: string;
  kind: 'quantitative' | 'qualitative';
  unit?: string;
  target?: number;
  actual?: number;
  computedFrom?: string;
  assessment?: string;
}

interface DemoFiche {
  title: string;
  objective: string;
  mission: string;
  status: string;
  actions: string[];
  indicators: DemoIndicator[];
  /** What it links, found among the demo's recorded work by these SQL conditions. */
  groups?: string;
  campaigns?: boolean;
  projects?: boolean;
  survey?: boolean;
  memberships?: boolean;
}

const FICHES: DemoFiche[] = [
  {
    title: 'Parcours des patients diabétiques',
    objective: 'Coordonner médecins, infirmiers et pharmaciens autour du suivi des patients diabétiques de type 2.',
    mission: 'care_pathways',
    status: 'in_progress',
    actions: ['Réunir le groupe de travail chaque trimestre', 'Rédiger le protocole de suivi partagé', 'Former les infirmiers libéraux'],
    indicators: [
      { label: 'Réunions du groupe tenues', kind: 'quantitative', target: 4, computedFrom: 'meetings' },
      { label: 'Participations aux réunions', kind: 'quantitative', target: 30, computedFrom: 'attendances' },
      { label: 'Patients inclus dans le protocole', kind: 'quantitative', unit: 'patients', target: 60, actual: 48 },
      {
        label: 'Retour des professionnels',
        kind: 'qualitative',
        assessment: 'Le protocole est jugé clair ; les pharmaciens demandent une fiche de liaison.',
      },
    ],
    groups: '1',
  },
  {
    title: 'Prévention et promotion de la santé',
    objective: 'Mener des actions de prévention portées par les professionnels du territoire (Pro Actif).',
    mission: 'prevention',
    status: 'in_progress',
    actions: ['Lancer l’appel à projets Pro Actif', 'Accompagner les porteurs', 'Évaluer les ateliers'],
    indicators: [
      { label: 'Projets Pro Actif soutenus', kind: 'quantitative', target: 5, computedFrom: 'projects' },
      { label: 'Participants aux ateliers', kind: 'quantitative', target: 80, computedFrom: 'attendances' },
    ],
    projects: true,
  },
  {
    title: 'Communication avec les professionnels',
    objective: 'Informer régulièrement les professionnels des actions de la CPTS, sans les submerger.',
    mission: 'professional_support',
    status: 'in_progress',
    actions: ['Une lettre d’information par mois au plus', 'Relance téléphonique des non-cliqueurs'],
    indicators: [
      { label: 'Destinataires des lettres', kind: 'quantitative', target: 200, computedFrom: 'recipients' },
      { label: 'Réponses à l’enquête de satisfaction', kind: 'quantitative', target: 20, computedFrom: 'answers' },
    ],
    campaigns: true,
    survey: true,
  },
  {
    title: 'Faire vivre la CPTS',
    objective: 'Structurer l’association et élargir l’adhésion à toutes les professions du territoire.',
    mission: 'professional_support',
    status: 'in_progress',
    actions: ['Campagne d’adhésion', 'Accueil des nouveaux adhérents'],
    indicators: [
      { label: 'Adhérents de l’année', kind: 'quantitative', target: 120, computedFrom: 'members' },
      { label: 'Ambiance des instances', kind: 'qualitative' },
    ],
    memberships: true,
  },
  {
    title: 'Accès au médecin traitant',
    objective: 'Trouver un médecin traitant aux patients en affection de longue durée qui n’en ont pas.',
    mission: 'access_to_care',
    status: 'planned',
    actions: ['Recenser les patients sans médecin traitant avec la CPAM', 'Organiser l’orientation'],
    indicators: [{ label: 'Patients orientés', kind: 'quantitative', unit: 'patients', target: 50 }],
  },
];

/**
 * The demo CPTS's fiches action of the current year (Paris), linked to the
 * demo's recorded work (a working group, the Pro Actif projects, the sent
 * mailings, the satisfaction survey, the memberships), one with a text as
 * evidence. Nothing when the CPTS has fiches already (idempotent).
 */
export async function seedEvaluation(db: Db, tenantId: string, coordinatorId: string): Promise<void> {
  await db.run({ tenantId, label: 'seed-evaluation' }, async () => {
    const [{ year }] = await db.tenantRows<{ year: number }>(`SELECT extract(year FROM now() AT TIME ZONE 'Europe/Paris')::int AS year`);
    const [{ n }] = await db.tenantRows<{ n: number }>(`SELECT count(*)::int AS n FROM fiches_action WHERE tenant_id = $1`, [tenantId]);
    if (n > 0) return;
    const ids = async (sql: string) => (await db.tenantRows<{ id: string }>(sql, [tenantId])).map((r) => r.id);
    const groups = await ids(`SELECT id FROM working_groups WHERE tenant_id = $1 ORDER BY created_at, id`);
    const projects = await ids(
      `SELECT id FROM call_projects WHERE tenant_id = $1 AND status IN ('approved', 'in_progress', 'completed', 'evaluated') ORDER BY seq, id`,
    );
    const campaigns = await ids(
      `SELECT id FROM campaigns WHERE tenant_id = $1 AND status = 'sent' ORDER BY sending_started_at DESC LIMIT 3`,
    );
    const surveys = await ids(`SELECT id FROM surveys WHERE tenant_id = $1 AND status <> 'draft' ORDER BY created_at LIMIT 1`);
    for (const f of FICHES) {
      const id = randomUUID();
      await db.tenantRows(
        `INSERT INTO fiches_action (tenant_id, id, year, title, objective, mission, actions, status, starts_on, ends_on, created_by, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, make_date($3, 1, 1), make_date($3, 12, 31), $9, $9)`,
        [tenantId, id, year, f.title, f.objective, f.mission, f.actions, f.status, coordinatorId],
      );
      for (const [position, i] of f.indicators.entries())
        await db.tenantRows(
          `INSERT INTO fiche_indicators (tenant_id, id, fiche_id, position, label, kind, unit, target, actual, computed_from, assessment)
           VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            tenantId,
            id,
            position,
            i.label,
            i.kind,
            i.unit ?? null,
            i.target ?? null,
            i.actual ?? null,
            i.computedFrom ?? null,
            i.assessment ?? null,
          ],
        );
      const sources: Array<[string, string]> = [
        ...(f.groups ? groups.slice(0, Number(f.groups)).map((g): [string, string] => ['working_group', g]) : []),
        ...(f.projects ? projects.map((p): [string, string] => ['call_project', p]) : []),
        ...(f.campaigns ? campaigns.map((c): [string, string] => ['campaign', c]) : []),
        ...(f.survey ? surveys.map((s): [string, string] => ['survey', s]) : []),
        ...(f.memberships ? [['memberships', tenantId] as [string, string]] : []),
      ];
      for (const [kind, sourceId] of sources)
        await db.tenantRows(
          `INSERT INTO fiche_sources (tenant_id, fiche_id, source_kind, source_id, linked_by) VALUES ($1, $2, $3, $4, $5)`,
          [tenantId, id, kind, sourceId, coordinatorId],
        );
      if (f.groups)
        await db.tenantRows(
          `INSERT INTO fiche_evidence (tenant_id, id, fiche_id, kind, title, body, dated_on, created_by)
           VALUES ($1, gen_random_uuid(), $2, 'text', 'Bilan du comité de pilotage', $3, make_date($4, 6, 30), $5)`,
          [
            tenantId,
            id,
            'Le protocole de suivi est adopté ; une seconde session de formation des infirmiers est demandée pour l’automne.',
            year,
            coordinatorId,
          ],
        );
    }
  });
}
