/**
 * The year's dialogue de gestion file as a PDF, for a CPTS with 20 fiches
 * action, each with 4 indicators and 6 pieces of evidence (a working group
 * with 15 meetings, projects, mailings, a survey, the memberships per
 * profession, a text): the render time (pdfmake, in process), median and
 * worst of several runs, and the file's size. Target: under 5 s.
 * Run: node scripts/build.mjs && node dist/bench/evaluation-pdf.js [runs]
 * (docs/performance.md records the figures).
 */
import { performance } from 'node:perf_hooks';
import { evaluationFilePdf, type EvaluationFileData } from '@cpts/evaluation';

const RUNS = Number(process.argv[2] ?? 7);
const MISSIONS = ['access_to_care', 'care_pathways', 'prevention', 'health_crises', 'quality', 'professional_support'] as const;

function file(): EvaluationFileData {
  const fiches = Array.from({ length: 20 }, (_, n) => ({
    id: `fiche-${n}`,
    year: 2026,
    title: `Fiche ${n + 1} — Parcours pluriprofessionnel n° ${n + 1} du territoire`,
    objective: 'Coordonner les professionnels du territoire autour du parcours, repérer les patients, former et évaluer. '.repeat(3),
    mission: MISSIONS[n % MISSIONS.length] as never,
    actions: ['Réunir le groupe chaque trimestre', 'Rédiger le protocole', 'Former les infirmiers', 'Évaluer avec les patients'],
    responsible: { kind: 'professional', id: `p-${n}`, name: 'Dr Marie Dupont' },
    startsOn: '2026-01-01',
    endsOn: '2026-12-31',
    status: 'in_progress' as never,
    updatedAt: new Date(),
    responsibleProfessionalId: `p-${n}`,
    responsibleUserId: null,
    sources: [],
    indicators: [
      {
        id: `i${n}a`,
        label: 'Réunions tenues',
        kind: 'quantitative' as never,
        unit: null,
        target: 4,
        actual: 5,
        computedFrom: 'meetings',
        met: true,
        assessment: null,
      },
      {
        id: `i${n}b`,
        label: 'Participations',
        kind: 'quantitative' as never,
        unit: null,
        target: 60,
        actual: 48,
        computedFrom: 'attendances',
        met: false,
        assessment: null,
      },
      {
        id: `i${n}c`,
        label: 'Patients inclus',
        kind: 'quantitative' as never,
        unit: 'patients',
        target: 120,
        actual: 131,
        computedFrom: null,
        met: true,
        assessment: null,
      },
      {
        id: `i${n}d`,
        label: 'Retour des équipes',
        kind: 'qualitative' as never,
        unit: null,
        target: null,
        actual: null,
        computedFrom: null,
        met: null,
        assessment: 'Dynamique bonne ; les pharmaciens demandent une fiche de liaison.',
      },
    ],
    evidence: [
      {
        id: `g${n}`,
        kind: 'working_group',
        automatic: true,
        title: `Groupe de travail « Parcours ${n + 1} »`,
        from: '2026-01-15',
        to: '2026-11-20',
        figures: [
          { label: 'Réunions tenues', value: 15, unit: null, key: 'meetings' },
          { label: 'Participations', value: 142, unit: null, key: 'attendances' },
          { label: 'Personnes distinctes', value: 31, unit: null, key: 'participants' },
        ],
        details: Array.from(
          { length: 15 },
          (_, m) => `2026-${String((m % 12) + 1).padStart(2, '0')}-10 — Réunion ${m + 1} : ${8 + (m % 5)} participants`,
        ),
        url: `/groupes-de-travail/g${n}`,
        gap: null,
      },
      ...[1, 2].map((p) => ({
        id: `pr${n}${p}`,
        kind: 'call_project',
        automatic: true,
        title: `Projet P0${p} « Atelier prévention ${p} » (Pro Actif 2026)`,
        from: '2026-03-01',
        to: '2026-10-01',
        figures: [
          { label: 'Budget demandé', value: 1500, unit: 'EUR', key: null },
          { label: 'Budget approuvé', value: 1200, unit: 'EUR', key: null },
          { label: 'Ateliers tenus', value: 3, unit: null, key: 'meetings' },
        ],
        details: ['Statut : évalué', 'Critère « Participants » — cible : 40 ; mesuré : 52'],
        url: `/appels/projets/pr${n}${p}`,
        gap: null,
      })),
      {
        id: `c${n}`,
        kind: 'campaign',
        automatic: true,
        title: 'Campagne « Lettre d’information de mars »',
        from: '2026-03-06',
        to: '2026-03-06',
        figures: [
          { label: 'Destinataires', value: 412, unit: null, key: 'recipients' },
          { label: 'Cliqueurs', value: 97, unit: null, key: 'clickers' },
          { label: 'Taux de clic', value: 23.5, unit: '%', key: null },
        ],
        details: [],
        url: `/campagnes/c${n}/rapport`,
        gap: null,
      },
      {
        id: `m${n}`,
        kind: 'memberships',
        automatic: true,
        title: 'Adhérents 2026 par profession',
        from: '2026-01-01',
        to: '2026-12-31',
        figures: [{ label: 'Adhérents', value: 214, unit: null, key: 'members' }],
        details: ['Infirmier : 80', 'Médecin : 52', 'Pharmacien : 24', 'Masseur-kinésithérapeute : 30', 'Sage-femme : 8'],
        url: '/adhesions',
        gap: null,
      },
      {
        id: `t${n}`,
        kind: 'text',
        automatic: false,
        title: 'Bilan du comité de pilotage',
        from: '2026-06-30',
        to: null,
        figures: [],
        details: ['Le protocole est adopté. '.repeat(6)],
        url: null,
        gap: null,
      },
    ],
  }));
  return { cptsName: 'CPTS du Grand Périgueux', year: 2026, generatedOn: '2026-12-03', fiches };
}

async function main() {
  const data = file();
  await evaluationFilePdf(data, 'https://cpts.example.fr'); // warm-up: fonts' metrics loaded once per process
  const times: number[] = [];
  let bytes = 0;
  for (let n = 0; n < RUNS; n++) {
    const started = performance.now();
    const pdf = await evaluationFilePdf(data, 'https://cpts.example.fr');
    times.push(performance.now() - started);
    bytes = pdf.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(
    JSON.stringify({
      bench: 'evaluation-pdf',
      fiches: 20,
      evidencePerFiche: data.fiches[0].evidence.length,
      runs: RUNS,
      medianMs: Math.round(median),
      maxMs: Math.round(times[times.length - 1]),
      minMs: Math.round(times[0]),
      kilobytes: Math.round(bytes / 1024),
      targetMs: 5000,
      ok: median < 5000,
    }),
  );
}

void main();
