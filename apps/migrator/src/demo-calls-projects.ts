import { ProjectStatus } from '@cpts/calls';
import { Choice } from '@cpts/governance';
import { AciMission } from '@cpts/platform-reference';

/**
 * What the calls demo tells (demo-calls.ts writes it): the projects of the
 * year's Pro Actif call, each from its proposal to where it stands, in the
 * call's year. A moment is "MM-DD HH:MM", Paris time; the last is on
 * October 22 (planCallsDemo picks the year from it).
 */

export type Moment = string;
export type TeamMember = 'coordinator' | 'staff';
export type BureauOffice = 'president' | 'vice_president' | 'treasurer' | 'secretary';

/** A change of status by the proposer (their link) or a member of the team. */
export interface Step {
  at: Moment;
  to: ProjectStatus;
  by: TeamMember | 'proposer';
  /** For "changes requested": the note, also posted in the thread (as requestChanges does). */
  note?: string;
}

export interface ThreadMessage {
  at: Moment;
  by: TeamMember | 'proposer';
  body: string;
}

/** A payment made by transfer: the day and the bank reference. */
export interface Transfer {
  on: string;
  reference: string;
}

export interface WorkshopSpec {
  at: Moment;
  place: string;
  /** Everyone present, speakers included. */
  participants: number;
  /** People of the directory present besides the speakers (the rest are guests, counted, not named). */
  known?: number;
  /** When the team recorded it. */
  recordedAt: Moment;
  paid?: Transfer;
}

export interface ProjectSpec {
  title: string;
  /** Profession codes wanted for the proposer, then for each co-carrier, in order of preference. */
  proposer: string[];
  coCarriers: string[][];
  summary: string;
  targetPublic: string;
  missions: AciMission[];
  workshopCount: number;
  workshopMinutes: number;
  speakers: number;
  budgetLines: Array<{ kind: 'materials' | 'other'; label: string; amountCents: number }>;
  /** Set at design; `actual` once evaluated. */
  criteria: Array<{ criterion: string; indicator: string; target: string; actual?: string }>;
  createdAt: Moment;
  /** From the proposal to "ready for the bureau" (the bureau's part is `bureau` or `openBureau`). */
  steps: Step[];
  comments: ThreadMessage[];
  /** The team's scores on the call's grid, one per line. */
  scores?: { at: Moment } & Partial<Record<TeamMember, number[]>>;
  /** Put to the bureau in one of the year's batches, and how each office voted. */
  bureau?: { batch: BatchKey; votes: Record<BureauOffice, Choice> };
  /** Put to the bureau now: its decision open, the bureau voting. */
  openBureau?: true;
  workshops?: WorkshopSpec[];
  debrief?: { at: Moment; worked: string; notWorked: string };
  evaluatedAt?: Moment;
  /** Where the story leaves it (checked against the steps). */
  status: ProjectStatus;
}

export type BatchKey = 'spring' | 'autumn';

/**
 * The batches the team put to the bureau: when, the deadline, and when each
 * office voted (the n-th project of a batch a few minutes after the one
 * before: each voter goes through the batch in order). Everyone votes, so
 * each decision closes at its last vote.
 */
export const BATCHES: Record<BatchKey, { putAt: Moment; deadline: Moment; votes: Record<BureauOffice, Moment>; by: TeamMember }> = {
  spring: {
    putAt: '05-12 10:00',
    deadline: '05-22 18:00',
    by: 'coordinator',
    votes: { treasurer: '05-12 12:30', vice_president: '05-13 08:15', president: '05-14 19:40', secretary: '05-15 13:05' },
  },
  autumn: {
    putAt: '09-08 10:00',
    deadline: '09-18 18:00',
    by: 'coordinator',
    votes: { president: '09-08 11:20', treasurer: '09-09 09:10', vice_president: '09-09 18:45', secretary: '09-10 08:30' },
  },
};

export const CALL_RULES = `Pro Actif soutient les projets de prévention et d'accompagnement portés par les professionnels de santé du territoire de la CPTS.

Qui peut candidater : tout professionnel de santé exerçant sur le territoire, seul ou avec des co-porteurs. Chaque intervenant doit être adhérent de la CPTS l'année des ateliers pour être rémunéré.

Ce que finance l'appel : un forfait de mise en place et de bilan par intervenant, les heures d'atelier de chaque intervenant au taux horaire de l'appel, et le matériel nécessaire aux ateliers.

Calendrier : dépôt des projets jusqu'au dernier jour de l'appel à minuit ; accompagnement méthodologique par l'équipe ; vote du bureau projet par projet ; ateliers dans l'année ; bilan et évaluation sur les critères fixés au dépôt.`;

/** The call's review grid (weights 3, 2, 1) and the criterion every project must measure. */
export const RUBRIC = [
  { label: 'Intérêt pour la santé du territoire', weight: 3 },
  { label: 'Faisabilité et budget', weight: 2 },
  { label: 'Dimension pluriprofessionnelle', weight: 1 },
];
export const REQUIRED_CRITERIA = ['Participation'];

export const PROJECTS: ProjectSpec[] = [
  {
    title: 'Les Petits Gestes : un jeu de plateau de prévention pour les 6-10 ans',
    proposer: ['70'],
    coCarriers: [['60']],
    summary:
      "Un jeu de plateau coopératif conçu avec des enfants de CE2 : chaque case pose une question de prévention (se laver les mains, se tenir devant un écran, porter son cartable sans se faire mal au dos, bouger chaque jour). L'atelier dure une heure et demie : une partie, puis un temps d'échange avec les intervenants. Le jeu reste ensuite à l'école.",
    targetPublic: 'Enfants de 6 à 10 ans des écoles et centres de loisirs du Grand Périgueux, et leurs enseignants.',
    missions: [AciMission.PREVENTION],
    workshopCount: 3,
    workshopMinutes: 90,
    speakers: 2,
    budgetLines: [{ kind: 'materials', label: 'Fabrication de 10 exemplaires du jeu', amountCents: 45_000 }],
    criteria: [
      { criterion: 'Participation', indicator: 'Enfants ayant joué en atelier', target: '60 enfants', actual: '70 enfants en 3 ateliers' },
      {
        criterion: 'Connaissances',
        indicator: 'Part des enfants citant trois gestes de prévention en fin de partie',
        target: '70 %',
        actual: '78 %',
      },
      {
        criterion: 'Diffusion',
        indicator: 'Écoles demandant le jeu après les ateliers',
        target: '3 écoles',
        actual: '5 écoles, dont 2 hors de Périgueux',
      },
    ],
    createdAt: '01-19 09:12',
    steps: [
      { at: '02-20 21:05', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '02-24 10:00', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      { at: '05-05 16:00', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '02-26 11:20',
        by: 'staff',
        body: 'Merci pour ce projet très concret. Combien d’exemplaires du jeu seront fabriqués, et qui les garde après les ateliers ?',
      },
      {
        at: '02-27 20:45',
        by: 'proposer',
        body: 'Dix exemplaires : un par école participante, et deux pour la CPTS, prêtés ensuite aux écoles qui le demandent.',
      },
    ],
    scores: { at: '04-28 15:00', coordinator: [5, 4, 4], staff: [4, 4, 5] },
    bureau: { batch: 'spring', votes: { president: 'for', vice_president: 'for', treasurer: 'for', secretary: 'for' } },
    workshops: [
      {
        at: '06-09 14:00',
        place: 'École élémentaire Jules-Ferry, Périgueux',
        participants: 24,
        known: 1,
        recordedAt: '06-10 09:30',
        paid: { on: '07-10', reference: 'VIR-{Y}-0710-01' },
      },
      {
        at: '06-23 14:00',
        place: 'École primaire du Bourg, Boulazac Isle Manoire',
        participants: 27,
        recordedAt: '06-24 10:15',
        paid: { on: '07-10', reference: 'VIR-{Y}-0710-01' },
      },
      {
        at: '09-22 14:00',
        place: 'Centre de loisirs de Trélissac',
        participants: 19,
        recordedAt: '09-23 09:00',
        paid: { on: '10-15', reference: 'VIR-{Y}-1015-02' },
      },
    ],
    debrief: {
      at: '10-06 17:30',
      worked:
        'Les enfants se sont pris au jeu dès la première partie et les enseignants ont demandé à garder le jeu. Intervenir à deux a permis de répondre à toutes les questions, y compris sur le dos et le cartable.',
      notWorked:
        "Une heure et demie, c'est long pour les 6-7 ans : une version courte du jeu est à prévoir. Le centre de loisirs a eu du mal à réunir les enfants un mercredi de septembre.",
    },
    evaluatedAt: '10-20 11:00',
    status: ProjectStatus.EVALUATED,
  },
  {
    title: "Prendre soin des aidants : des séances d'activité physique adaptée",
    proposer: ['70', '94'],
    coCarriers: [['93']],
    summary:
      "Des séances collectives d'activité physique douce pour les proches aidants : renforcement, équilibre, relaxation, puis un temps d'échange sur la charge de l'aide. Les séances ont lieu le samedi matin, pendant qu'un accueil de jour reçoit la personne aidée.",
    targetPublic: 'Proches aidants de personnes âgées ou en situation de handicap, orientés par les professionnels de la CPTS.',
    missions: [AciMission.PREVENTION, AciMission.CARE_PATHWAYS],
    workshopCount: 4,
    workshopMinutes: 60,
    speakers: 2,
    budgetLines: [{ kind: 'other', label: 'Location du gymnase de Chancelade (4 matinées)', amountCents: 20_000 }],
    criteria: [
      { criterion: 'Participation', indicator: 'Aidants présents par séance', target: '10 aidants en moyenne' },
      { criterion: 'Fardeau de l’aidant', indicator: 'Échelle de Zarit avant et après le cycle', target: 'Baisse moyenne de 5 points' },
    ],
    createdAt: '01-27 18:40',
    steps: [
      { at: '03-10 22:15', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '03-12 09:40', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      { at: '05-05 16:10', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '03-13 14:05',
        by: 'staff',
        body: 'Le gymnase est-il accessible aux personnes à mobilité réduite ? Certains aidants viendront peut-être avec la personne qu’ils aident.',
      },
      { at: '03-15 09:30', by: 'proposer', body: "Oui, il est de plain-pied, avec un parking ; l'accueil de jour est juste à côté." },
    ],
    scores: { at: '04-28 15:20', coordinator: [4, 4, 5], staff: [4, 3, 5] },
    bureau: { batch: 'spring', votes: { president: 'for', vice_president: 'for', treasurer: 'for', secretary: 'abstain' } },
    workshops: [
      {
        at: '06-13 10:00',
        place: 'Gymnase de Chancelade',
        participants: 12,
        recordedAt: '06-15 09:00',
        paid: { on: '07-10', reference: 'VIR-{Y}-0710-01' },
      },
      {
        at: '06-27 10:00',
        place: 'Gymnase de Chancelade',
        participants: 14,
        recordedAt: '06-29 09:10',
        paid: { on: '07-10', reference: 'VIR-{Y}-0710-01' },
      },
      { at: '09-12 10:00', place: 'Gymnase de Chancelade', participants: 11, recordedAt: '09-14 09:05' },
      { at: '09-26 10:00', place: 'Gymnase de Chancelade', participants: 15, recordedAt: '09-28 08:50' },
    ],
    debrief: {
      at: '10-22 18:00',
      worked:
        "Les aidants sont venus avec régularité et ont demandé à continuer. Le temps d'échange après la séance a été le moment le plus apprécié : plusieurs ont parlé pour la première fois de leur fatigue.",
      notWorked:
        "Le samedi matin ne convient pas aux aidants qui travaillent en semaine et en week-end ; deux séances ont été perturbées par l'accueil de jour, fermé un samedi sur deux en septembre.",
    },
    status: ProjectStatus.COMPLETED,
  },
  {
    title: 'Bien manger à petit prix : ateliers cuisine et nutrition',
    proposer: ['95'],
    coCarriers: [],
    summary:
      'Quatre ateliers de deux heures dans des lieux de proximité : lire une étiquette, composer un repas équilibré avec un petit budget, cuisiner ensemble des recettes de saison, puis partager le repas. Chaque participant repart avec un livret de recettes.',
    targetPublic:
      'Familles et personnes seules en situation de précarité alimentaire, orientées par les médecins, les pharmaciens et les centres sociaux.',
    missions: [AciMission.PREVENTION],
    workshopCount: 4,
    workshopMinutes: 120,
    speakers: 1,
    budgetLines: [
      { kind: 'materials', label: 'Denrées et ustensiles pour les ateliers cuisine', amountCents: 30_000 },
      { kind: 'other', label: 'Impression des livrets de recettes', amountCents: 12_000 },
    ],
    criteria: [
      { criterion: 'Participation', indicator: 'Personnes ayant suivi au moins deux ateliers', target: '25 personnes' },
      { criterion: 'Autonomie', indicator: 'Participants déclarant avoir refait une recette chez eux', target: '60 %' },
    ],
    createdAt: '02-03 13:25',
    steps: [
      { at: '03-16 12:50', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '03-18 10:30', to: ProjectStatus.UNDER_REVIEW, by: 'coordinator' },
      { at: '05-05 16:20', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '03-20 08:55',
        by: 'proposer',
        body: 'Les centres sociaux de Coulounieix-Chamiers et de Périgueux nous prêtent leurs cuisines, et l’épicerie solidaire relaie l’information.',
      },
      { at: '03-20 14:10', by: 'coordinator', body: 'Parfait. Pensez à joindre leur accord écrit au dossier avant le passage en bureau.' },
    ],
    scores: { at: '04-29 10:00', coordinator: [5, 4, 3], staff: [5, 5, 3] },
    bureau: { batch: 'spring', votes: { president: 'for', vice_president: 'for', treasurer: 'for', secretary: 'for' } },
    workshops: [
      { at: '10-07 14:00', place: 'Centre social de Coulounieix-Chamiers', participants: 14, recordedAt: '10-08 09:20' },
      { at: '10-21 14:00', place: 'Épicerie solidaire, Périgueux', participants: 11, known: 1, recordedAt: '10-22 10:05' },
    ],
    status: ProjectStatus.IN_PROGRESS,
  },
  {
    title: 'Mieux dormir après 60 ans : ateliers sommeil',
    proposer: ['60'],
    coCarriers: [['10']],
    summary:
      "Trois ateliers d'une heure et demie sur le sommeil des seniors : les cycles du sommeil, la sieste, les écrans, l'activité physique, et un agenda du sommeil tenu entre deux séances. L'objectif est aussi de réduire le recours aux somnifères, en lien avec les médecins traitants.",
    targetPublic: 'Personnes de plus de 60 ans vivant à domicile ou en résidence autonomie.',
    missions: [AciMission.PREVENTION, AciMission.CARE_PATHWAYS],
    workshopCount: 3,
    workshopMinutes: 90,
    speakers: 2,
    budgetLines: [{ kind: 'materials', label: 'Livrets « Bien dormir » et agendas du sommeil', amountCents: 8_000 }],
    criteria: [
      { criterion: 'Participation', indicator: 'Seniors présents au premier atelier', target: '15 personnes' },
      { criterion: 'Somnifères', indicator: 'Participants ayant réduit leur consommation, à trois mois', target: '30 %' },
    ],
    createdAt: '02-10 17:05',
    steps: [
      { at: '03-24 19:30', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '03-26 09:15', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      { at: '05-05 16:30', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '04-02 11:00',
        by: 'staff',
        body: 'Le lien avec les médecins traitants est un vrai plus : pourriez-vous prévoir un courrier type pour les informer de la participation de leurs patients ?',
      },
      { at: '04-04 21:20', by: 'proposer', body: 'Oui, nous l’ajoutons au livret, avec l’accord des participants.' },
    ],
    scores: { at: '04-29 10:20', coordinator: [4, 5, 4], staff: [4, 4, 4] },
    bureau: { batch: 'spring', votes: { president: 'for', vice_president: 'for', treasurer: 'for', secretary: 'for' } },
    workshops: [
      {
        at: '10-14 15:00',
        place: 'Résidence autonomie Les Tilleuls, Boulazac Isle Manoire',
        participants: 18,
        known: 1,
        recordedAt: '10-15 11:40',
      },
    ],
    status: ProjectStatus.IN_PROGRESS,
  },
  {
    title: 'Le dos au travail : prévenir les lombalgies en entreprise',
    proposer: ['70'],
    coCarriers: [],
    summary:
      'Deux ateliers de deux heures dans les entreprises du territoire (logistique, bâtiment, aide à domicile) : gestes et postures, aménagement du poste, exercices à faire sur place, et quand consulter. Les entreprises prêtent une salle et libèrent leurs salariés sur le temps de travail.',
    targetPublic: "Salariés des entreprises et des services d'aide à domicile du Grand Périgueux exposés au port de charges.",
    missions: [AciMission.PREVENTION],
    workshopCount: 2,
    workshopMinutes: 120,
    speakers: 1,
    budgetLines: [{ kind: 'other', label: 'Déplacements dans les entreprises', amountCents: 6_000 }],
    criteria: [
      { criterion: 'Participation', indicator: 'Salariés présents aux ateliers', target: '30 salariés' },
      { criterion: 'Suite donnée', indicator: 'Entreprises demandant un second atelier', target: '2 entreprises' },
    ],
    createdAt: '02-17 08:30',
    steps: [
      { at: '03-27 18:45', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '03-30 09:50', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      {
        at: '04-14 15:30',
        to: ProjectStatus.CHANGES_REQUESTED,
        by: 'staff',
        note: 'Quelles entreprises ont donné leur accord, et pour quelles dates ? Le bureau voudra aussi savoir si les ateliers ont lieu sur le temps de travail.',
      },
      { at: '06-30 20:10', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '07-02 09:00', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      { at: '08-28 11:45', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '06-30 20:05',
        by: 'proposer',
        body: "Deux entreprises ont signé : une plateforme logistique à Boulazac et le service d'aide à domicile de Trélissac, sur le temps de travail, à l'automne. Le dossier est complété.",
      },
    ],
    scores: { at: '08-27 16:00', coordinator: [4, 4, 2], staff: [4, 5, 2] },
    bureau: { batch: 'autumn', votes: { president: 'for', vice_president: 'for', treasurer: 'for', secretary: 'for' } },
    status: ProjectStatus.APPROVED,
  },
  {
    title: 'Pied diabétique : journées de dépistage et soins de pédicurie',
    proposer: ['80'],
    coCarriers: [['60']],
    summary:
      'Six journées de dépistage du risque podologique chez les patients diabétiques (monofilament, diapason, examen des chaussures), en binôme, avec une orientation vers des soins gradués selon le risque.',
    targetPublic: 'Patients diabétiques de type 2 du territoire sans suivi podologique.',
    missions: [AciMission.CARE_PATHWAYS, AciMission.PREVENTION],
    workshopCount: 6,
    workshopMinutes: 180,
    speakers: 2,
    budgetLines: [{ kind: 'materials', label: 'Monofilaments, diapasons et matériel de dépistage', amountCents: 150_000 }],
    criteria: [
      { criterion: 'Participation', indicator: 'Patients dépistés', target: '120 patients' },
      { criterion: 'Orientation', indicator: 'Patients à risque orientés vers un suivi gradué', target: '100 %' },
    ],
    createdAt: '02-24 12:15',
    steps: [
      { at: '03-30 23:10', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '04-01 09:30', to: ProjectStatus.UNDER_REVIEW, by: 'coordinator' },
      { at: '05-05 16:40', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '04-10 10:45',
        by: 'coordinator',
        body: 'Le groupe de travail « Parcours diabète » prépare un dépistage avec le centre hospitalier. Seriez-vous d’accord pour en parler avec ses référents avant le bureau ?',
      },
      {
        at: '04-12 19:00',
        by: 'proposer',
        body: 'Bien sûr, mais nous tenons à des journées de dépistage en ville, au plus près des patients qui ne vont pas à l’hôpital.',
      },
    ],
    scores: { at: '04-29 11:00', coordinator: [4, 2, 4], staff: [3, 2, 4] },
    bureau: { batch: 'spring', votes: { president: 'for', vice_president: 'against', treasurer: 'against', secretary: 'against' } },
    status: ProjectStatus.REJECTED,
  },
  {
    title: 'Écrans et ados : parlons-en',
    proposer: ['93', '91'],
    coCarriers: [['91', '96']],
    summary:
      "Trois soirées d'échanges au collège pour les adolescents et leurs parents : le sommeil et les écrans, les réseaux sociaux et l'estime de soi, les signes d'un usage problématique et où trouver de l'aide. Chaque soirée associe une courte intervention, des jeux de rôle et des questions libres.",
    targetPublic: 'Collégiens de 11 à 15 ans et leurs parents, dans trois collèges du Grand Périgueux.',
    missions: [AciMission.PREVENTION],
    workshopCount: 3,
    workshopMinutes: 120,
    speakers: 2,
    budgetLines: [{ kind: 'materials', label: "Supports d'animation et affiches pour les collèges", amountCents: 15_000 }],
    criteria: [
      { criterion: 'Participation', indicator: 'Élèves et parents présents aux soirées', target: '150 personnes' },
      { criterion: 'Habitudes', indicator: "Élèves déclarant avoir changé une habitude d'écran, à un mois", target: '40 %' },
    ],
    createdAt: '03-02 16:50',
    steps: [
      { at: '03-31 22:40', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '04-07 09:20', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      {
        at: '04-16 17:00',
        to: ProjectStatus.CHANGES_REQUESTED,
        by: 'coordinator',
        note: 'Les collèges ont-ils donné leur accord, et pour quelles dates ? Dites aussi qui anime les jeux de rôle avec vous : ajoutez cette personne comme co-porteur, pour que ses heures soient rémunérées.',
      },
      { at: '10-06 21:30', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '10-08 09:10', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      { at: '10-20 15:00', to: ProjectStatus.READY_FOR_BUREAU, by: 'coordinator' },
    ],
    comments: [
      {
        at: '10-06 21:25',
        by: 'proposer',
        body: 'Les trois collèges sont d’accord pour des soirées en janvier et février. J’ai ajouté au dossier la personne qui anime les jeux de rôle avec moi, comme co-porteur du projet.',
      },
      { at: '10-08 09:15', by: 'staff', body: 'Merci, le dossier est complet. Nous le présentons au prochain bureau.' },
    ],
    scores: { at: '10-19 14:30', coordinator: [5, 4, 4], staff: [4, 4, 4] },
    openBureau: true,
    status: ProjectStatus.READY_FOR_BUREAU,
  },
  {
    title: 'Les gestes qui sauvent : initiation aux premiers secours',
    proposer: ['60', '10'],
    coCarriers: [],
    summary:
      'Des initiations de deux heures aux gestes d’urgence (alerter, masser, défibriller, mettre en position latérale de sécurité) pour les habitants et les associations, dans les salles communales.',
    targetPublic: 'Habitants, bénévoles associatifs et aidants du territoire, à partir de 12 ans.',
    missions: [AciMission.PREVENTION],
    workshopCount: 4,
    workshopMinutes: 120,
    speakers: 1,
    budgetLines: [{ kind: 'materials', label: "Location de mannequins et d'un défibrillateur de formation", amountCents: 24_000 }],
    criteria: [{ criterion: 'Participation', indicator: 'Personnes initiées', target: '80 personnes' }],
    createdAt: '03-09 07:45',
    steps: [
      { at: '03-31 21:10', to: ProjectStatus.SUBMITTED, by: 'proposer' },
      { at: '04-09 10:00', to: ProjectStatus.UNDER_REVIEW, by: 'staff' },
      {
        at: '04-23 16:20',
        to: ProjectStatus.CHANGES_REQUESTED,
        by: 'staff',
        note: 'Une initiation aux gestes qui sauvent est animée par un formateur habilité : précisez qui anime et avec quelle habilitation. Ajoutez aussi un second critère, par exemple la part des personnes capables de réaliser le massage cardiaque en fin de séance.',
      },
    ],
    comments: [
      {
        at: '05-04 13:15',
        by: 'proposer',
        body: "Je me rapproche de l'antenne locale de la Croix-Rouge pour co-animer ; je complète le dossier dès que j'ai sa réponse.",
      },
      {
        at: '09-17 10:30',
        by: 'coordinator',
        body: 'Bonjour, où en êtes-vous ? Votre projet a été déposé à temps : vous pouvez encore le compléter, même après la clôture de l’appel.',
      },
    ],
    scores: { at: '04-22 11:30', staff: [4, 2, 2] },
    status: ProjectStatus.CHANGES_REQUESTED,
  },
];
