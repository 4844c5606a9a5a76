import { AppError } from '@cpts/platform-core';
import type { ResourceContent } from '@cpts/resources';
import { FicheInput, FicheStatus, IndicatorKind } from './fiche.types';

/** The fiche a fiche-action template gives (the CPTS's adopted, maybe adapted, copy): the CPTS then fills in its responsible, period and actuals. */
export function ficheFromTemplate(content: ResourceContent | null, year: number): FicheInput {
  if (!content || content.kind !== 'fiche_action')
    throw AppError.field('adoptionId', "Cette ressource n'est pas un modèle de fiche action.");
  return {
    year,
    title: content.title.slice(0, 200),
    // The region's limits are wider than a fiche's: cut to fit rather than refuse the template.
    objective: (content.objective ?? '').slice(0, 5000),
    mission: content.mission,
    actions: (content.actions ?? []).slice(0, 50).map((a) => a.slice(0, 1000)),
    status: FicheStatus.PLANNED,
    indicators: (content.indicators ?? []).slice(0, 50).map((i) => ({
      label: i.label.slice(0, 500),
      kind: i.kind === 'qualitative' ? IndicatorKind.QUALITATIVE : IndicatorKind.QUANTITATIVE,
      unit: i.kind === 'qualitative' ? null : (i.unit?.slice(0, 40) ?? null),
      target: i.kind === 'qualitative' ? null : (i.target ?? null),
    })),
  };
}
