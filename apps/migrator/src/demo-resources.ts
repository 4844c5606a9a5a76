import { randomUUID } from 'node:crypto';
import { searchKey } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { parseResourceContent, ResourceContent } from '@cpts/resources';

interface DemoResource {
  title: string;
  description: string;
  category: string;
  /** Each version's content and note, oldest first. */
  versions: Array<{ content: ResourceContent | null; note: string }>;
}

const SATISFACTION_V1 = parseResourceContent({
  kind: 'survey',
  title: 'Satisfaction des professionnels',
  intro: 'Ce questionnaire prend 3 minutes. Il aide la CPTS à choisir ses actions de l’année.',
  questions: [
    { type: 'scale', label: 'Êtes-vous satisfait·e de l’action de la CPTS ?', required: true },
    {
      type: 'single',
      label: 'Votre profession',
      options: ['Médecin', 'Infirmier·e', 'Pharmacien·ne', 'Masseur-kinésithérapeute', 'Autre'],
    },
    {
      type: 'multiple',
      label: 'Quelles actions connaissez-vous ?',
      options: ['Soins non programmés', 'Prévention', 'Parcours', 'Accueil des nouveaux professionnels'],
    },
    { type: 'text', label: 'Que devrait faire la CPTS l’an prochain ?' },
  ],
});
const SATISFACTION_V2 = parseResourceContent({
  ...SATISFACTION_V1,
  intro: 'Ce questionnaire prend 3 minutes. Il aide la CPTS à choisir ses actions de l’année.\nVos réponses sont anonymes.',
  questions: [
    ...(SATISFACTION_V1 as { questions: unknown[] }).questions.slice(0, 3),
    { type: 'scale', label: 'Recommanderiez-vous la CPTS à un confrère ?' },
    { type: 'text', label: 'Que devrait faire la CPTS l’an prochain ?' },
  ],
});

const RESOURCES: DemoResource[] = [
  {
    title: 'Satisfaction des professionnels',
    description: 'Modèle de questionnaire annuel de satisfaction des professionnels adhérents et partenaires.',
    category: 'survey_template',
    versions: [
      { content: SATISFACTION_V1, note: '' },
      { content: SATISFACTION_V2, note: 'Réponses anonymes annoncées ; question de recommandation ajoutée.' },
    ],
  },
  {
    title: 'Fiche action : soins non programmés',
    description: 'Modèle de fiche action pour organiser la réponse aux demandes de soins non programmés sur le territoire.',
    category: 'fiche_action_template',
    versions: [
      {
        content: parseResourceContent({
          kind: 'fiche_action',
          title: 'Organiser les soins non programmés',
          objective: 'Offrir une réponse en moins de 48 heures à toute demande de soins non programmés orientée par le SAS ou le 15.',
          mission: 'access_to_care',
          actions: [
            'Recenser les créneaux disponibles chez les médecins volontaires',
            'Mettre en place un planning partagé',
            'Informer les pharmacies et le SAS',
          ],
          indicators: [
            { label: 'Médecins participants', kind: 'quantitative', unit: 'médecins', target: 15 },
            { label: 'Demandes orientées et prises en charge', kind: 'quantitative', unit: 'demandes', target: 500 },
            { label: 'Satisfaction des patients', kind: 'qualitative' },
          ],
        }),
        note: '',
      },
    ],
  },
  {
    title: 'Fiche réflexe canicule',
    description: 'Ce que fait la CPTS quand le plan canicule est déclenché : repérage, appels, relais.',
    category: 'reflex_sheet',
    versions: [
      {
        content: parseResourceContent({
          kind: 'text',
          body: 'Dès le déclenchement du niveau 3 du plan canicule :\nRepérer les patients isolés et fragiles avec les infirmiers et les pharmaciens.\nLes appeler chaque jour tant que dure l’alerte.\nRelayer les messages de l’ARS aux professionnels du territoire.',
        }),
        note: '',
      },
    ],
  },
  {
    title: 'Trame du dialogue de gestion',
    description: 'Le cadre méthodologique régional : comment présenter chaque fiche action à la CPAM et à l’ARS.',
    category: 'dialogue_frame',
    versions: [
      {
        content: parseResourceContent({
          kind: 'text',
          body: 'Pour chaque fiche action : rappeler l’objectif et la mission ACI.\nPrésenter les indicateurs, cible et réalisé.\nJoindre les preuves : réunions, participants, résultats d’enquêtes.\nConclure sur les perspectives de l’année suivante.',
        }),
        note: '',
      },
    ],
  },
];

/**
 * The demo region's shared library: four resources (a survey template in two
 * versions, a fiche-action template, a reflex sheet, the dialogue frame),
 * the survey template adopted by the demo CPTS at version 1 (so the update
 * notice shows) and the fiche template adopted too. Written as the services
 * write them: region rows in a unit of the region, copies in the CPTS's.
 */
export async function seedResources(db: Db, regionId: string, tenantId: string, adminId: string, coordinatorId: string): Promise<void> {
  const ids: string[] = [];
  await db.run({ tenantId: null, regionId, label: 'seed-resources' }, async () => {
    for (const r of RESOURCES) {
      const id = randomUUID();
      ids.push(id);
      await db.regionRows(
        `INSERT INTO resources (region_id, id, title, description, category, search_key, current_version, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [regionId, id, r.title, r.description, r.category, searchKey(`${r.title} ${r.description}`), r.versions.length, adminId],
      );
      for (const [i, v] of r.versions.entries()) {
        await db.regionRows(
          `INSERT INTO resource_versions (region_id, resource_id, version, title, content, note, published_at, published_by)
           VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7), $8)`,
          [
            regionId,
            id,
            i + 1,
            r.title,
            v.content === null ? null : JSON.stringify(v.content),
            v.note,
            (r.versions.length - i) * 20,
            adminId,
          ],
        );
      }
    }
  });
  await db.run({ tenantId, label: 'seed-resource-adoptions' }, async () => {
    for (const index of [0, 1]) {
      const r = RESOURCES[index];
      await db.tenantRows(
        `INSERT INTO resource_adoptions (tenant_id, id, region_id, resource_id, category, adopted_version, title, content, adopted_by, adopted_at)
         VALUES ($1, $2, $3, $4, $5, 1, $6, $7, $8, now() - interval '30 days')`,
        [tenantId, randomUUID(), regionId, ids[index], r.category, r.title, JSON.stringify(r.versions[0].content), coordinatorId],
      );
    }
  });
}
