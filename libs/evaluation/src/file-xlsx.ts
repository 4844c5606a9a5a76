import { xlsxWorkbook } from '@cpts/platform-core';
import { EvaluationFileData } from './evaluation-file.service';
import { IndicatorKind } from './fiche.types';
import { frDay, metLabel, missionLabel, STATUS_FR } from './file-labels';

/** The year's file as a workbook: Fiches (one line each), Indicateurs (target, actual, met), Preuves (each piece of evidence with its figures and source). */
export function evaluationFileXlsx(file: EvaluationFileData, appUrl: string): Promise<Buffer> {
  const base = appUrl.replace(/\/+$/, '');
  return xlsxWorkbook([
    {
      name: 'Fiches',
      columns: [
        { header: 'Fiche action', width: 40 },
        { header: 'Mission', width: 30 },
        { header: 'Statut', width: 12 },
        { header: 'Début', width: 12 },
        { header: 'Fin', width: 12 },
        { header: 'Responsable', width: 26 },
        { header: 'Objectif', width: 60 },
        { header: 'Actions', width: 60 },
        { header: 'Indicateurs', width: 12, whole: true },
        { header: 'Atteints', width: 10, whole: true },
        { header: 'Preuves', width: 10, whole: true },
      ],
      rows: file.fiches.map((f) => [
        f.title,
        missionLabel(f.mission),
        STATUS_FR[f.status],
        frDay(f.startsOn),
        frDay(f.endsOn),
        f.responsible?.name ?? '',
        f.objective,
        f.actions.map((a, n) => `${n + 1}. ${a}`).join('\n'),
        f.indicators.length,
        f.indicators.filter((i) => i.met).length,
        f.evidence.length,
      ]),
    },
    {
      name: 'Indicateurs',
      columns: [
        { header: 'Fiche action', width: 40 },
        { header: 'Indicateur', width: 50 },
        { header: 'Type', width: 14 },
        { header: 'Unité', width: 10 },
        { header: 'Cible', width: 12 },
        { header: 'Réalisé', width: 12 },
        { header: 'Atteint', width: 12 },
        { header: 'Réalisé calculé des preuves', width: 14 },
        { header: 'Appréciation', width: 60 },
      ],
      rows: file.fiches.flatMap((f) =>
        f.indicators.map((i) => [
          f.title,
          i.label,
          i.kind === IndicatorKind.QUANTITATIVE ? 'Quantitatif' : 'Qualitatif',
          i.unit ?? '',
          i.target,
          i.actual,
          metLabel(i),
          i.computedFrom ? 'Oui' : 'Non',
          i.assessment ?? '',
        ]),
      ),
    },
    {
      name: 'Preuves',
      columns: [
        { header: 'Fiche action', width: 40 },
        { header: 'Preuve', width: 50 },
        { header: 'Origine', width: 14 },
        { header: 'Du', width: 12 },
        { header: 'Au', width: 12 },
        { header: 'Chiffres', width: 60 },
        { header: 'Détails', width: 60 },
        { header: 'Source', width: 50 },
      ],
      rows: file.fiches.flatMap((f) =>
        f.evidence.map((e) => [
          f.title,
          e.title,
          e.automatic ? 'Automatique' : "Ajoutée par l'équipe",
          frDay(e.from),
          frDay(e.to),
          e.figures.map((x) => `${x.label} : ${x.value ?? '—'}${x.unit ? ` ${x.unit}` : ''}`).join(' ; '),
          [...e.details, ...(e.gap ? [e.gap] : [])].join('\n'),
          e.url ? `${base}${e.url}` : '',
        ]),
      ),
    },
  ]);
}
