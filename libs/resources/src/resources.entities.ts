import { Column, Entity, PrimaryColumn } from 'typeorm';

/* The library's tables as TypeORM sees them (the schema test compares them with the migration); the services write SQL. */

@Entity({ name: 'resources' })
export class ResourcesRow {
  @PrimaryColumn('uuid', { name: 'region_id' }) regionId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text') title: string;
  @Column('text', { default: '' }) description: string;
  @Column('text') category: string;
  @Column('text', { name: 'search_key' }) searchKey: string;
  @Column('int', { name: 'current_version' }) currentVersion: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

@Entity({ name: 'resource_versions' })
export class ResourceVersionsRow {
  @PrimaryColumn('uuid', { name: 'region_id' }) regionId: string;
  @PrimaryColumn('uuid', { name: 'resource_id' }) resourceId: string;
  @PrimaryColumn('int') version: number;
  @Column('text') title: string;
  @Column('jsonb', { nullable: true }) content: unknown;
  @Column('text', { default: '' }) note: string;
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Column('uuid', { name: 'published_by', nullable: true }) publishedBy: string | null;
}

@Entity({ name: 'resource_files' })
export class ResourceFilesRow {
  @PrimaryColumn('uuid', { name: 'region_id' }) regionId: string;
  @PrimaryColumn('uuid', { name: 'resource_id' }) resourceId: string;
  @PrimaryColumn('int') version: number;
  @PrimaryColumn('uuid', { name: 'document_id' }) documentId: string;
  @Column('text', { name: 'file_name' }) fileName: string;
  @Column('text', { name: 'content_type' }) contentType: string;
  @Column('int') bytes: number;
  @Column('text') sha256: string;
  @Column('timestamptz', { name: 'added_at' }) addedAt: Date;
}

@Entity({ name: 'resource_adoptions' })
export class ResourceAdoptionsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'region_id' }) regionId: string;
  @Column('uuid', { name: 'resource_id' }) resourceId: string;
  @Column('text') category: string;
  @Column('int', { name: 'adopted_version' }) adoptedVersion: number;
  @Column('text') title: string;
  @Column('jsonb', { nullable: true }) content: unknown;
  @Column('boolean', { default: false }) adapted: boolean;
  @Column('timestamptz', { name: 'adapted_at', nullable: true }) adaptedAt: Date | null;
  @Column('uuid', { name: 'adapted_by', nullable: true }) adaptedBy: string | null;
  @Column('int', { name: 'dismissed_version', nullable: true }) dismissedVersion: number | null;
  @Column('int', { name: 'notified_version', nullable: true }) notifiedVersion: number | null;
  @Column('timestamptz', { name: 'adopted_at' }) adoptedAt: Date;
  @Column('uuid', { name: 'adopted_by', nullable: true }) adoptedBy: string | null;
}

@Entity({ name: 'resource_downloads' })
export class ResourceDownloadsRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'resource_id' }) resourceId: string;
  @Column('int') version: number;
  @Column('uuid', { name: 'document_id' }) documentId: string;
  @Column('uuid', { name: 'user_id', nullable: true }) userId: string | null;
  @Column('timestamptz') at: Date;
}

export const resourcesEntities = [ResourcesRow, ResourceVersionsRow, ResourceFilesRow, ResourceAdoptionsRow, ResourceDownloadsRow];
