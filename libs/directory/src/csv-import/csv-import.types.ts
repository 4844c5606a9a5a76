import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { CsvField } from './csv-parser';

registerEnumType(CsvField, { name: 'CsvField', description: 'What a column of an imported CSV file holds.' });

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

@ObjectType()
export class CsvImportError {
  @Field(() => Int, { description: 'Line of the file, header included, as a spreadsheet numbers it.' }) line: number;
  @Field({ description: 'Why the line is left out, in French.' }) reason: string;
}

@ObjectType({ description: 'What an import of a CSV file did, or would do (dry run).' })
export class CsvImportReport {
  @Field() dryRun: boolean;
  @Field(() => Int) rows: number;
  @Field(() => Int, { description: 'New professionals.' }) created: number;
  @Field(() => Int, { description: 'Professionals found whose blank fields were filled (never overwritten).' }) updated: number;
  @Field(() => Int, { description: 'Professionals found with nothing new.' }) unchanged: number;
  @Field(() => [CsvImportError], { description: 'Lines left out, by line number.' }) errors: CsvImportError[];
}
