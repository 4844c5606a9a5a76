import PdfPrinter from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { EvaluationFileData } from './evaluation-file.service';
import { IndicatorKind } from './fiche.types';
import { frDay, metLabel, missionLabel, period, STATUS_FR, withUnit } from './file-labels';

/** PDF's standard fonts: nothing to ship, and WinAnsi covers French. */
const printer = new PdfPrinter({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});

/** Characters outside WinAnsi (the standard fonts' encoding) would print as garbage: the usual ones are replaced. */
const safe = (text: string) =>
  text
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/[\u2010-\u2012]/g, '-')
    .replace(
      /[^\x09\x0a\x0d\x20-\x7e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      '?',
    );

const header = (cells: string[]): TableCell[] => cells.map((text) => ({ text, style: 'th' }));

/**
 * The year's file as a printable PDF, in a fixed frame the region knows:
 * a cover (CPTS, year), a summary table (each fiche's indicators, target
 * against actual, met or not), then one section per fiche (its frame, its
 * indicators, its evidence with dates, figures and the source's address).
 * `appUrl` makes the sources' addresses absolute (the web app's pages).
 */
export function evaluationFilePdf(file: EvaluationFileData, appUrl: string): Promise<Buffer> {
  const base = appUrl.replace(/\/+$/, '');
  const summaryRows: TableCell[][] = file.fiches.flatMap((f) => {
    const indicators = f.indicators.length ? f.indicators : [null];
    return indicators.map((i, n) => [
      n === 0 ? { text: safe(f.title), rowSpan: indicators.length, bold: true } : '',
      n === 0 ? { text: missionLabel(f.mission), rowSpan: indicators.length } : '',
      i ? safe(i.label) : { text: 'Aucun indicateur', italics: true },
      i && i.kind === IndicatorKind.QUANTITATIVE ? withUnit(i.target, i.unit) : '',
      i ? (i.kind === IndicatorKind.QUANTITATIVE ? withUnit(i.actual, i.unit) : safe(i.assessment ?? 'Qualitatif')) : '',
      i ? metLabel(i) : '',
    ]);
  });
  const content: Content[] = [
    { text: 'Dossier du dialogue de gestion', style: 'cover', margin: [0, 180, 0, 24] },
    { text: safe(file.cptsName), style: 'coverCpts' },
    { text: `Année ${file.year}`, style: 'coverYear' },
    {
      text: `${file.fiches.length} fiche${file.fiches.length > 1 ? 's' : ''} action — édité le ${frDay(file.generatedOn)}`,
      alignment: 'center',
      margin: [0, 24, 0, 0],
    },
    { text: 'Synthèse des fiches et des indicateurs', style: 'h1', pageBreak: 'before' },
    file.fiches.length
      ? {
          table: {
            headerRows: 1,
            widths: ['22%', '16%', '*', '11%', '14%', '10%'],
            body: [header(['Fiche action', 'Mission', 'Indicateur', 'Cible', 'Réalisé', 'Atteint']), ...summaryRows],
          },
          layout: 'lightHorizontalLines',
          fontSize: 9,
        }
      : { text: "Aucune fiche action pour l'année.", italics: true },
  ];
  file.fiches.forEach((f, n) => {
    content.push(
      { text: `Fiche ${n + 1} — ${safe(f.title)}`, style: 'h1', pageBreak: 'before' },
      {
        columns: [
          { text: [{ text: 'Mission : ', bold: true }, missionLabel(f.mission)] },
          { text: [{ text: 'Statut : ', bold: true }, STATUS_FR[f.status]] },
        ],
        margin: [0, 0, 0, 4],
      },
      {
        columns: [
          { text: [{ text: 'Période : ', bold: true }, period(f.startsOn, f.endsOn) || 'non précisée'] },
          { text: [{ text: 'Responsable : ', bold: true }, safe(f.responsible?.name ?? 'non désigné')] },
        ],
        margin: [0, 0, 0, 8],
      },
      { text: 'Objectif', style: 'h2' },
      { text: safe(f.objective || 'Non renseigné.') },
      { text: 'Actions', style: 'h2' },
      f.actions.length ? { ol: f.actions.map(safe) } : { text: 'Aucune action décrite.', italics: true },
      { text: 'Indicateurs', style: 'h2' },
      f.indicators.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', '14%', '14%', '12%'],
              body: [
                header(['Indicateur', 'Cible', 'Réalisé', 'Atteint']),
                ...f.indicators.map((i): TableCell[] =>
                  i.kind === IndicatorKind.QUANTITATIVE
                    ? [
                        safe(i.label) + (i.computedFrom ? ' (calculé des preuves)' : ''),
                        withUnit(i.target, i.unit),
                        withUnit(i.actual, i.unit),
                        metLabel(i),
                      ]
                    : [
                        safe(i.label),
                        { text: safe(i.assessment ?? 'Appréciation à rédiger.'), colSpan: 3, italics: !i.assessment },
                        '',
                        '',
                      ],
                ),
              ],
            },
            layout: 'lightHorizontalLines',
            fontSize: 9,
          }
        : { text: 'Aucun indicateur.', italics: true },
      { text: 'Preuves', style: 'h2' },
      ...(f.evidence.length
        ? f.evidence.map((e): Content => ({
            stack: [
              {
                text: [
                  { text: safe(e.title), bold: true },
                  e.from ? `  (${period(e.from, e.to)})` : '',
                  e.automatic ? '' : '  — ajoutée par l’équipe',
                ],
              },
              ...(e.figures.length
                ? [{ text: e.figures.map((x) => `${x.label} : ${withUnit(x.value, x.unit)}`).join(' · '), fontSize: 9 }]
                : []),
              ...(e.details.length ? [{ ul: e.details.slice(0, 40).map(safe), fontSize: 8, color: '#333333' } as Content] : []),
              ...(e.gap ? [{ text: safe(e.gap), italics: true, fontSize: 9 }] : []),
              ...(e.url ? [{ text: `Source : ${base}${e.url}`, link: `${base}${e.url}`, fontSize: 8, color: '#1c4e80' }] : []),
            ],
            margin: [0, 0, 0, 8],
            unbreakable: e.details.length < 12,
          }))
        : [{ text: 'Aucune preuve liée.', italics: true }]),
    );
  });
  const definition: TDocumentDefinitions = {
    info: { title: `Dossier du dialogue de gestion ${file.year} — ${safe(file.cptsName)}` },
    pageSize: 'A4',
    pageMargins: [40, 50, 40, 50],
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    styles: {
      cover: { fontSize: 26, bold: true, alignment: 'center' },
      coverCpts: { fontSize: 18, alignment: 'center' },
      coverYear: { fontSize: 16, alignment: 'center', margin: [0, 8, 0, 0] },
      h1: { fontSize: 15, bold: true, margin: [0, 0, 0, 10] },
      h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 4] },
      th: { bold: true, fontSize: 9 },
    },
    footer: (page: number, pages: number) =>
      page === 1
        ? ''
        : {
            text: `${safe(file.cptsName)} — dialogue de gestion ${file.year} — page ${page} / ${pages}`,
            alignment: 'center',
            fontSize: 8,
            margin: [0, 20, 0, 0],
          },
    content,
  };
  return new Promise((resolve, reject) => {
    const doc = printer.createPdfKitDocument(definition);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
