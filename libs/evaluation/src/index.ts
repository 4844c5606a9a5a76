export * from './evaluation.module';
export { evaluationFilePdf } from './file-pdf';
export type { EvaluationFileData } from './evaluation-file.service';
