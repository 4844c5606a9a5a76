import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum DirectoryImportStatus {
  /** The file is still arriving; its job is queued once it is whole. */
  UPLOADING = 'uploading',
  QUEUED = 'queued',
  RUNNING = 'running',
  DONE = 'done',
  FAILED = 'failed',
}
registerEnumType(DirectoryImportStatus, { name: 'DirectoryImportStatus' });

/** Which value a conflict of an import report keeps. */
export enum ConflictChoice {
  /** The value the staff entered by hand. */
  CURRENT = 'current',
  /** The value of the national extraction. */
  IMPORTED = 'imported',
}
registerEnumType(ConflictChoice, { name: 'ConflictChoice' });

@ObjectType({ description: 'A line the import left out, or a field edited by hand that the extraction would change.' })
export class DirectoryImportIssue {
  @Field(() => Int) seq: number;
  @Field({ description: '"rejected" (a line left out) or "conflict" (a hand edit kept).' }) kind: string;
  @Field(() => Int, { nullable: true, description: 'Line of the extraction file (rejected lines).' }) line: number | null;
  @Field() reason: string;
  @Field(() => ID, { nullable: true }) professionalId: string | null;
  @Field(() => String, { nullable: true }) professionalName: string | null;
  @Field(() => ID, { nullable: true, description: 'The practice site a conflict on a site field is about.' }) siteId: string | null;
  @Field(() => String, { nullable: true, description: "That site's structure name and commune." }) siteName: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'lastName, firstName, professionCode, email (the person); structureName, address, postalCode, communeCode, phone, practiceMode (a site, siteId).',
  })
  field: string | null;
  @Field(() => String, { nullable: true, description: 'The value in the directory (kept).' }) currentValue: string | null;
  @Field(() => String, { nullable: true, description: 'The value of the extraction.' }) importedValue: string | null;
  @Field(() => ConflictChoice, { nullable: true, description: 'The choice the staff made on a conflict, once made.' }) resolution?: ConflictChoice | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt?: Date | null;
}

@ObjectType({ description: 'An extraction imported although a newer one had been: who confirmed it, when, and what it was older than.' })
export class OlderExtractionConfirmation {
  @Field(() => String, { nullable: true, description: 'The staff member who confirmed it.' }) confirmedByName: string | null;
  @Field(() => GraphQLISODateTime) confirmedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'The newer extraction imported before.' }) newerExtractedAt: Date;
  @Field(() => GraphQLISODateTime, { description: 'When that newer extraction was imported.' }) newerImportedAt: Date;
  @Field({ description: '"extraction du … plus ancienne que celle du … importée le …" (French).' }) summary: string;
}

@ObjectType({ description: 'What the upload of an extraction file would meet, asked before sending its hundreds of megabytes.' })
export class DirectoryImportCheck {
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the extraction was made (from its file name).' }) extractedAt: Date | null;
  @Field(() => String, {
    nullable: true,
    description: 'Set when a newer extraction was imported already: why the upload must be confirmed (French). The upload then needs X-Confirm-Older-Extraction: yes.',
  })
  olderWarning: string | null;
}

@ObjectType({ description: 'An import of the national directory extraction (RPPS) into the CPTS directory: progress, then its report.' })
export class DirectoryImport {
  @Field(() => ID) id: string;
  @Field() fileName: string;
  @Field(() => Float) fileBytes: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the extraction was made (from its file name).' }) extractedAt: Date | null;
  @Field(() => DirectoryImportStatus) status: DirectoryImportStatus;
  @Field(() => Float) bytesRead: number;
  @Field(() => Int) linesRead: number;
  @Field(() => Int, { description: 'Lines on the territory of the CPTS.' }) kept: number;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) rejected: number;
  @Field(() => Int) conflicts: number;
  @Field(() => String, { nullable: true }) errorCode: string | null;
  @Field(() => String, { nullable: true, description: 'Why the file was refused (French, for the staff).' }) errorMessage: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) startedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
  @Field(() => OlderExtractionConfirmation, { nullable: true, description: 'Set when the staff confirmed importing an extraction older than the last one imported.' })
  olderConfirmation: OlderExtractionConfirmation | null;
}
