import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A health profession, by its code in the national directory (RPPS). */
@Entity({ name: 'professions' })
export class ProfessionRow {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  label: string;

  @Column('text', { name: 'label_plural' })
  labelPlural: string;
}

@Entity({ name: 'departements' })
export class DepartementRow {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { name: 'region_code' })
  regionCode: string;
}

/** A commune by its INSEE code (code officiel géographique). */
@Entity({ name: 'communes' })
@Index('communes_departement_idx', ['departementCode'])
@Index('communes_epci_idx', ['epciCode'])
export class CommuneRow {
  @PrimaryColumn('text', { name: 'insee_code' })
  inseeCode: string;

  @Column('text')
  name: string;

  /** searchKey(name): lower-case, accent-free. */
  @Column('text', { name: 'search_name' })
  searchName: string;

  /** The name read from each word on, for search (generated: search_runs_of, see name-search.ts in platform-core). */
  @Column({ type: 'text', name: 'search_runs', generatedType: 'STORED', asExpression: 'search_runs_of(search_name)' })
  searchRuns: string;

  @Column('text', { name: 'departement_code' })
  departementCode: string;

  @Column('int')
  population: number;

  @Column('text', { name: 'epci_code', nullable: true })
  epciCode: string | null;

  @Column('text', { name: 'epci_name', nullable: true })
  epciName: string | null;
}

export const referenceEntities = [ProfessionRow, DepartementRow, CommuneRow];
