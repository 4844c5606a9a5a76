import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CPTS_TEAM } from '@cpts/platform-core';
import { CsvContentArgs, CsvImportArgs, CsvImportReport, CsvPreview } from './csv-import.types';
import { CsvImportService } from './csv-import.service';

@Resolver()
export class CsvImportResolver {
  constructor(private readonly service: CsvImportService) {}

  @Query(() => CsvPreview, { description: 'Reads a CSV file of professionals (sign-up sheet, old spreadsheet) without importing it: columns, first rows, suggested mapping.' })
  @Allow(...CPTS_TEAM)
  previewProfessionalsCsv(@Args() args: CsvContentArgs): CsvPreview {
    return this.service.preview(args.content);
  }

  @Mutation(() => CsvImportReport, {
    description:
      'Imports a CSV file of professionals with a column mapping: finds people by RPPS or name, profession and commune, fills blank fields, creates the others; all or nothing. The addresses it writes are personal unless emailKind says WORK.',
  })
  @Allow(...CPTS_TEAM)
  importProfessionalsCsv(@Args() args: CsvImportArgs): Promise<CsvImportReport> {
    return this.service.import(args.content, args.mapping, args.dryRun, args.emailKind);
  }
}
