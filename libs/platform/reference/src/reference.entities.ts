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

  /** Lower-case, accent-free name for prefix search. */
  @Column('text', { name: 'search_name' })
  searchName: string;

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
