import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A health professional practising on the territory of a CPTS (tenant table). */
@Entity({ name: 'professionals' })
export class ProfessionalRow {
  @PrimaryColumn('uuid', { name: 'tenant_id' }) tenantId: string;
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'last_name' }) lastName: string;
  @Column('text', { name: 'first_name' }) firstName: string;
  /** searchKey(last name + first name): accent- and case-free, for search and order. */
  @Column('text', { name: 'search_name' }) searchName: string;
  @Column('text', { name: 'profession_code' }) professionCode: string;
  @Column('text', { nullable: true }) rpps: string | null;
  @Column('text', { name: 'commune_code' }) communeCode: string;
  @Column('text', { name: 'structure_name', nullable: true }) structureName: string | null;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) phone: string | null;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt: Date | null;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  @Column('uuid', { name: 'updated_by', nullable: true }) updatedBy: string | null;
}

export const directoryEntities = [ProfessionalRow];
