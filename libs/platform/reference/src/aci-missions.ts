import { registerEnumType } from '@nestjs/graphql';

/**
 * The six missions of the ACI, the contract that funds a CPTS: every action,
 * working group and project is tagged with one or more, and the yearly
 * dialogue de gestion counts what was done per mission.
 */
export enum AciMission {
  ACCESS_TO_CARE = 'access_to_care',
  CARE_PATHWAYS = 'care_pathways',
  PREVENTION = 'prevention',
  HEALTH_CRISES = 'health_crises',
  QUALITY = 'quality',
  PROFESSIONAL_SUPPORT = 'professional_support',
}
registerEnumType(AciMission, {
  name: 'AciMission',
  description:
    'The ACI missions: access to care (médecin traitant, soins non programmés), care pathways (parcours, ville-hôpital), prevention, health crises (situations sanitaires exceptionnelles), quality and relevance of care, support for professionals.',
});

export const ACI_MISSIONS: readonly AciMission[] = Object.values(AciMission);

/** French names, for emails and exports (the web app has its own copy for its screens). */
export const ACI_MISSION_LABELS: Record<AciMission, string> = {
  access_to_care: 'Accès aux soins',
  care_pathways: 'Parcours pluriprofessionnels',
  prevention: 'Prévention',
  health_crises: 'Crises sanitaires',
  quality: 'Qualité et pertinence des soins',
  professional_support: 'Accompagnement des professionnels',
};
