import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One practice site of a professional (tenant table): the source of truth for where the person practises. */
@Entity({ name: 'professional_sites' })
export class ProfessionalSiteRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'professional_id' }) professionalId: string;
  /** The site in the national extraction (siteKeyOf); null for a site typed by hand, or imported before sites had keys. */
  @Column('text', { name: 'site_key', nullable: true }) siteKey: string | null;
  /** import (from the extraction: retired when it leaves it) or manual (typed by the staff: never retired by an import). */
  @Column('text') source: string;
  @Column('text', { name: 'structure_name', nullable: true }) structureName: string | null;
  @Column('text', { nullable: true }) address: string | null;
  @Column('text', { name: 'postal_code', nullable: true }) postalCode: string | null;
  @Column('text', { name: 'commune_code' }) communeCode: string;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('text', { name: 'practice_mode', nullable: true }) practiceMode: string | null;
  @Column('text', { name: 'structure_id', nullable: true }) structureId: string | null;
  @Column('text', { nullable: true }) siret: string | null;
  @Column('text', { nullable: true }) siren: string | null;
  @Column('text', { nullable: true }) finess: string | null;
  @Column('text', { name: 'finess_legal', nullable: true }) finessLegal: string | null;
  /** The site's values of the last import: a field that differs was edited by hand. */
  @Column('jsonb', { nullable: true }) imported: Record<string, string | null> | null;
  /** No longer a current site (left the extraction, or removed by the staff); kept for the person's history. */
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}
