import { Injectable } from '@nestjs/common';
import { byKeys, scopedLoader } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { Commune, Departement, Profession } from './reference.types';
import { searchKey } from '@cpts/platform-core';

const COMMUNE_COLUMNS = `insee_code AS "inseeCode", name, departement_code AS "departementCode", population, epci_name AS "epciName"`;

/** Reads reference data (professions, départements, communes); batched per request. */
@Injectable()
export class ReferenceService {
  constructor(private readonly db: Db) {}

  async professions(): Promise<Profession[]> {
    const m = await this.db.manager();
    return m.query(`SELECT code, label, label_plural AS "labelPlural" FROM professions ORDER BY label`);
  }

  async departements(): Promise<Departement[]> {
    const m = await this.db.manager();
    return m.query(`SELECT code, name FROM departements ORDER BY code`);
  }

  profession(code: string): Promise<Profession | null> {
    return scopedLoader<string, Profession | null>(ReferenceService.prototype.profession, async (codes) => {
      const m = await this.db.manager();
      const rows: Profession[] = await m.query(`SELECT code, label, label_plural AS "labelPlural" FROM professions WHERE code = ANY($1)`, [codes]);
      return byKeys(codes, rows, (r) => r.code);
    }).load(code);
  }

  commune(inseeCode: string): Promise<Commune | null> {
    return scopedLoader<string, Commune | null>(ReferenceService.prototype.commune, async (codes) => {
      const m = await this.db.manager();
      const rows: Commune[] = await m.query(`SELECT ${COMMUNE_COLUMNS} FROM communes WHERE insee_code = ANY($1)`, [codes]);
      return byKeys(codes, rows, (r) => r.inseeCode);
    }).load(inseeCode);
  }

  departement(code: string): Promise<Departement | null> {
    return scopedLoader<string, Departement | null>(ReferenceService.prototype.departement, async (codes) => {
      const m = await this.db.manager();
      const rows: Departement[] = await m.query(`SELECT code, name FROM departements WHERE code = ANY($1)`, [codes]);
      return byKeys(codes, rows, (r) => r.code);
    }).load(code);
  }

  /** Communes by name prefix, optionally within some départements or among given codes. */
  async searchCommunes(filter: { search?: string; departementCodes?: string[]; inseeCodes?: string[]; limit: number }): Promise<Commune[]> {
    const m = await this.db.manager();
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.search) {
      params.push(`${searchKey(filter.search)}%`);
      where.push(`search_name LIKE $${params.length}`);
    }
    if (filter.departementCodes?.length) {
      params.push(filter.departementCodes);
      where.push(`departement_code = ANY($${params.length})`);
    }
    if (filter.inseeCodes) {
      params.push(filter.inseeCodes);
      where.push(`insee_code = ANY($${params.length})`);
    }
    params.push(filter.limit);
    return m.query(
      `SELECT ${COMMUNE_COLUMNS} FROM communes ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY population DESC, name LIMIT $${params.length}`,
      params,
    );
  }

  /** Codes among `inseeCodes` that are not known communes. */
  async unknownCommunes(inseeCodes: string[]): Promise<string[]> {
    if (inseeCodes.length === 0) return [];
    const m = await this.db.manager();
    const rows: Array<{ code: string }> = await m.query(
      `SELECT c.code FROM unnest($1::text[]) AS c(code) WHERE NOT EXISTS (SELECT 1 FROM communes WHERE insee_code = c.code)`,
      [inseeCodes],
    );
    return rows.map((r) => r.code);
  }

  /** Sum of the municipal populations of the given communes. */
  async population(inseeCodes: string[]): Promise<number> {
    const m = await this.db.manager();
    const [row] = await m.query(`SELECT coalesce(sum(population), 0)::int AS total FROM communes WHERE insee_code = ANY($1)`, [inseeCodes]);
    return row.total;
  }
}
