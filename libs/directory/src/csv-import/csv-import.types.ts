import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CsvField } from './csv-parser';

registerEnumType(CsvField, { name: 'CsvField', description: 'What a column of an imported CSV file holds.' });

/** What the e-mail addresses of an imported file are (docs/consents.md, the work-address rule). */
export enum CsvEmailKind {
  /** A person's own address: newsletters need their consent. */
  PERSONAL = 'PERSONAL',
  /** The address of the structure they practise in: professional information goes with a free, one-click opt-out. */
  WORK = 'WORK',
}
registerEnumType(CsvEmailKind, {
  name: 'CsvEmailKind',
  description: 'Whether the e-mail addresses of an imported file are personal (the default) or work addresses.',
});

/** Files of sign-up sheets and old spreadsheets: small. The browser sends the decoded text. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;
export const MAX_CSV_ROWS = 5000;

@ArgsType()
export class CsvContentArgs {
  @Field({ description: 'The text of the file (decoded by the browser: UTF-8, or Windows-1252 for old Excel files).' })
  @IsString()
  @MaxLength(MAX_CSV_BYTES, { message: 'Fichier trop volumineux (2 Mo au plus).' })
  content: string;
}

@InputType()
export class CsvColumnMappingInput {
  @Field(() => Int, { description: 'Column of the file, from 0.' })
  @IsInt()
  @Min(0)
  @Max(499)
  column: number;

  @Field(() => CsvField)
  @IsEnum(CsvField)
  field: CsvField;
}

@ArgsType()
export class CsvImportArgs extends CsvContentArgs {
  @Field(() => [CsvColumnMappingInput], { description: 'The field of each column to import; columns not listed are ignored.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CsvColumnMappingInput)
  mapping: CsvColumnMappingInput[];

  @Field({ description: 'Checks everything and reports what the import would do, writing nothing.' })
  @IsBoolean()
  dryRun: boolean;

  @Field(() => CsvEmailKind, {
    defaultValue: CsvEmailKind.PERSONAL,
    description:
      "What the addresses of the file's e-mail column are: personal unless the staff say they are work addresses. Only addresses this import writes take it.",
  })
  @IsEnum(CsvEmailKind)
  emailKind: CsvEmailKind;
}

@ObjectType()
export class CsvColumnMapping {
  @Field(() => Int) column: number;
  @Field(() => CsvField) field: CsvField;
}

@ObjectType({ description: 'A first look at a CSV file before its import: its columns, first rows and a suggested mapping.' })
export class CsvPreview {
  @Field(() => [String], { description: 'The names of the columns (the first line of the file).' }) columns: string[];
  @Field(() => [[String]], { description: 'The first rows, one cell per column.' }) rows: string[][];
  @Field(() => Int, { description: 'Rows under the header (blank lines left out).' }) rowCount: number;
  @Field({ description: 'The separator found: ";", "," or a tab.' }) delimiter: string;
  @Field(() => [CsvColumnMapping], { description: 'The field of each column whose name is known (accents and case ignored).' })
  suggestedMapping: CsvColumnMapping[];
}

@ObjectType({ description: 'A line of the file and what the import says about it.' })
export class CsvImportLine {
  @Field(() => Int, { description: 'Line of the file, header included, as a spreadsheet numbers it.' }) line: number;
  @Field({ description: 'In French, for the staff.' }) reason: string;
}

@ObjectType({ description: 'What an import of a CSV file did, or would do (dry run).' })
export class CsvImportReport {
  @Field() dryRun: boolean;
  @Field(() => Int) rows: number;
  @Field(() => Int, { description: 'New professionals.' }) created: number;
  @Field(() => Int, { description: 'Professionals found whose blank fields were filled (never overwritten).' }) updated: number;
  @Field(() => Int, { description: 'Professionals found with nothing new.' }) unchanged: number;
  @Field(() => [CsvImportLine], { description: 'Lines left out, by line number.' }) errors: CsvImportLine[];
  @Field(() => [CsvImportLine], {
    description: 'Lines whose person was found with another value, kept (an import never overwrites a value), by line number.',
  })
  kept: CsvImportLine[];
  @Field(() => CsvEmailKind, { description: 'What the addresses this import writes are taken as.' }) emailKind: CsvEmailKind;
  @Field(() => Int, { description: 'Addresses this import writes (new professionals, blank addresses filled), all taken as emailKind.' })
  emails: number;
}
