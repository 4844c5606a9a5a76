import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InvolvementRow } from './involvement/involvement.entity';
import { MembershipRow, MembershipYearRow } from './memberships/membership.entities';
import { consentEntities } from './consents/consents.entities';
import { DuplicateDismissalRow, ProfessionalMergeRow } from './duplicates/duplicate.entities';
import { ErasedIdentifierRow } from './gdpr/erased-identifiers';
import { ProfessionalSiteRow } from './sites/site.entity';

/** A health professional practising on the territory of a CPTS (tenant table). */
@Entity({ name: 'professionals' })
export class ProfessionalRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  /** searchKey(last name + first name): accent- and case-free, for search and order. */
  @Column('text', { name: 'search_name' }) searchName: string;
  /** The key read from each word on, for name search (generated: search_runs_of, see name-search.ts in platform-core). */
  @Column({ type: 'text', name: 'search_runs', generatedType: 'STORED', asExpression: 'search_runs_of(search_name)' }) searchRuns: string;
  @Column('text', { name: 'profession_code' }) professionCode: string;
  @Column('text', { nullable: true }) rpps: string | null;
  /** The main site's commune (copied by a trigger from professional_sites: see ProfessionalSites1795401700000). */
  @Column('text', { name: 'commune_code' }) communeCode: string;
  /** The main site's structure name (copied, as commune_code). */
  @Column('text', { name: 'structure_name', nullable: true }) structureName: string | null;
  @Column('text', { nullable: true }) email: string | null;
  /** The main site's phone (copied, as commune_code). */
  @Column('text', { nullable: true }) phone: string | null;
  /** The main site's mode of practice (copied, as commune_code): L libéral, S salarié, B bénévole. */
  @Column('text', { name: 'practice_mode', nullable: true }) practiceMode: string | null;
  /** The person's main practice site (professional_sites), whose values the four columns above hold. */
  @Column('uuid', { name: 'main_site_id', nullable: true }) mainSiteId: string | null;
  /** The values of the last import (RPPS): a field that differs was edited by hand. */
  @Column('jsonb', { nullable: true }) imported: Record<string, string | null> | null;
  @Column('timestamptz', { name: 'imported_at', nullable: true }) importedAt: Date | null;
  /** The national import that created this record (its history's first line), if one did. */
  @Column('uuid', { name: 'import_id', nullable: true }) importId: string | null;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
  /** The highest level over the person's involvement sources (InvolvementService keeps it in step). */
  @Column('text', { name: 'involvement_level', default: 'informed' }) involvementLevel: string;
  /** False when the staff know the address is personal: professional information then needs consent too. */
  @Column('boolean', { name: 'email_is_work', default: true }) emailIsWork: boolean;
  /** GDPR erasure: identity and contacts are gone, profession and commune stay for counts. */
  @Column('timestamptz', { name: 'erased_at', nullable: true }) erasedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
  /** Set when this record was merged into another (archived, its address redirects there). */
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto: string | null;
}

/** An import of the national directory extraction (tenant table). */
@Entity({ name: 'directory_imports' })
export class DirectoryImportRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('bigint', { name: 'file_bytes' }) fileBytes: string;
  @Column('timestamptz', { name: 'extracted_at', nullable: true }) extractedAt: Date | null;
  /** uploading, queued, running, done, failed. */
  @Column('text') status: string;
  @Column('bigint', { name: 'bytes_read', default: 0 }) bytesRead: string;
  @Column('int', { name: 'lines_read', default: 0 }) linesRead: number;
  @Column('int', { default: 0 }) kept: number;
  @Column('int', { default: 0 }) created: number;
  @Column('int', { default: 0 }) updated: number;
  @Column('int', { default: 0 }) unchanged: number;
  @Column('int', { default: 0 }) rejected: number;
  @Column('int', { default: 0 }) conflicts: number;
  @Column('text', { name: 'error_code', nullable: true }) errorCode: string | null;
  @Column('text', { name: 'error_message', nullable: true }) errorMessage: string | null;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'started_at', nullable: true }) startedAt: Date | null;
  @Column('timestamptz', { name: 'finished_at', nullable: true }) finishedAt: Date | null;
  /** An extraction older than the last one imported: who confirmed it should run anyway, when, and the newer one's dates. */
  @Column('uuid', { name: 'older_confirmed_by', nullable: true }) olderConfirmedBy: string | null;
  @Column('timestamptz', { name: 'older_confirmed_at', nullable: true }) olderConfirmedAt: Date | null;
  @Column('timestamptz', { name: 'newer_extracted_at', nullable: true }) newerExtractedAt: Date | null;
  @Column('timestamptz', { name: 'newer_imported_at', nullable: true }) newerImportedAt: Date | null;
}

/** A rejected line or a kept hand edit of one import (tenant table). */
@Entity({ name: 'directory_import_issues' })
export class DirectoryImportIssueRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid', { name: 'import_id' }) importId: string;
  @PrimaryColumn('int') seq: number;
  /** rejected or conflict. */
  @Column('text') kind: string;
  @Column('int', { nullable: true }) line: number | null;
  @Column('text') reason: string;
  @Column('uuid', { name: 'professional_id', nullable: true }) professionalId: string | null;
  /** The practice site a conflict on a site field is about. */
  @Column('uuid', { name: 'site_id', nullable: true }) siteId: string | null;
  @Column('text', { nullable: true }) field: string | null;
  @Column('text', { name: 'current_value', nullable: true }) currentValue: string | null;
  @Column('text', { name: 'imported_value', nullable: true }) importedValue: string | null;
  /** current or imported: what the staff chose on a conflict. */
  @Column('text', { nullable: true }) resolution: string | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @Column('uuid', { name: 'resolved_by', nullable: true }) resolvedBy: string | null;
}

/** One event of a person's history, recorded by any module (tenant table). */
@Entity({ name: 'person_history' })
export class PersonHistoryRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  /** Dotted, module first: membership.renewed, consent.withdrawn, person.merged... */
  @Column('text') kind: string;
  /** What happened, in French, for the staff reading the person's page. */
  @Column('text', { default: '' }) summary: string;
  @Column('jsonb', { default: () => "'{}'" }) details: Record<string, unknown>;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId: string | null;
  @Column('timestamptz', { default: () => 'clock_timestamp()' }) at: Date;
}

export const directoryEntities = [
  ProfessionalRow,
  DirectoryImportRow,
  DirectoryImportIssueRow,
  PersonHistoryRow,
  MembershipRow,
  MembershipYearRow,
  InvolvementRow,
  ...consentEntities,
  DuplicateDismissalRow,
  ProfessionalMergeRow,
  ErasedIdentifierRow,
  ProfessionalSiteRow,
];
