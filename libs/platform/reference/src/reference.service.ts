import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { nameSearchSql } from '@cpts/platform-core';
import { Db } from '@cpts/platform-db';
import { Commune, Departement, Profession } from './reference.types';

const COMMUNE_COLUMNS = `insee_code AS "inseeCode", name, departement_code AS "departementCode", population, epci_name AS "epciName"`;

/**
 * How long a process keeps its snapshot of the reference data before
 * reloading it. Reference data changes only through migrations, so a
 * migration that adds a profession reaches running processes within this
 * delay, without a restart.
 */
const CATALOG_TTL_MS = 5 * 60_000;

/** One process's immutable snapshot of the reference data (a few thousand rows, ~1 MB). */
export class ReferenceCatalog {
  private readonly professionBy: Map<string, Profession>;
  private readonly departementBy: Map<string, Departement>;
  private readonly communeBy: Map<string, Commune>;

  constructor(
    /** By label. */
    readonly professions: Profession[],
    /** By code. */
    readonly departements: Departement[],
    communes: Commune[],
  ) {
    this.professionBy = new Map(professions.map((p) => [p.code, p]));
    this.departementBy = new Map(departements.map((d) => [d.code, d]));
    this.communeBy = new Map(communes.map((c) => [c.inseeCode, c]));
  }

  profession(code: string): Profession | null {
    return this.professionBy.get(code) ?? null;
  }

  departement(code: string): Departement | null {
    return this.departementBy.get(code) ?? null;
  }

  commune(inseeCode: string): Commune | null {
    return this.communeBy.get(inseeCode) ?? null;
  }
}

/**
 * Reference data (professions, départements, communes). Lookups by code read
 * an in-process snapshot: a list of 50 professionals costs no statement for
 * its professions and communes, whatever the page size.
 */
@Injectable()
export class ReferenceService implements OnApplicationBootstrap {
  private current: ReferenceCatalog | null = null;
  private loadedAt = 0;
  private loading: Promise<ReferenceCatalog> | null = null;

  constructor(private readonly db: Db) {}

  /**
   * Loaded before the first request. Loaded on first use, it was read (three
   * statements, three more connections) by requests already holding their
   * transaction's connection: when such requests held every server connection
   * (PgBouncer's small pool), they waited for each other until
   * idle_in_transaction_session_timeout ended them.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.catalog();
  }

  /**
   * The snapshot, loaded on first use. Once it is older than the TTL the next
   * caller starts a reload and every caller keeps the previous snapshot until
   * the new one is there (a failed reload is retried by the next caller).
   */
  catalog(): Promise<ReferenceCatalog> {
    if (this.current && Date.now() - this.loadedAt < CATALOG_TTL_MS) return Promise.resolve(this.current);
    const loading = this.startLoad();
    if (!this.current) return loading;
    loading.catch(() => undefined);
    return Promise.resolve(this.current);
  }

  /** A snapshot loaded now (after a lookup missed a code a recent migration added). */
  reload(): Promise<ReferenceCatalog> {
    return this.startLoad();
  }

  private startLoad(): Promise<ReferenceCatalog> {
    this.loading ??= this.load().then(
      (catalog) => {
        this.current = catalog;
        this.loadedAt = Date.now();
        this.loading = null;
        return catalog;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }

  private async load(): Promise<ReferenceCatalog> {
    const [professions, departements, communes] = await Promise.all([
      this.db.sharedRows<Profession>(`SELECT code, label, label_plural AS "labelPlural" FROM professions ORDER BY label`),
      this.db.sharedRows<Departement>(`SELECT code, name FROM departements ORDER BY code`),
      this.db.sharedRows<Commune>(`SELECT ${COMMUNE_COLUMNS} FROM communes`),
    ]);
    return new ReferenceCatalog(professions, departements, communes);
  }

  async professions(): Promise<Profession[]> {
    return (await this.catalog()).professions;
  }

  async departements(): Promise<Departement[]> {
    return (await this.catalog()).departements;
  }

  async profession(code: string): Promise<Profession | null> {
    return (await this.catalog()).profession(code);
  }

  async departement(code: string): Promise<Departement | null> {
    return (await this.catalog()).departement(code);
  }

  async commune(inseeCode: string): Promise<Commune | null> {
    return (await this.catalog()).commune(inseeCode);
  }

  /**
   * Communes by name, as people's names are searched (name-search.ts:
   * "saint emilion", "saintemilion" and "emilion" find Saint-Émilion,
   * "perigeux" finds Périgueux), exact matches first, then the most
   * populated; optionally within some départements or among given codes.
   */
  async searchCommunes(filter: { search?: string; departementCodes?: string[]; inseeCodes?: string[]; limit: number }): Promise<Commune[]> {
    const m = await this.db.manager();
    const where: string[] = [];
    const params: unknown[] = [];
    const search = nameSearchSql(filter.search ?? '', 'search_runs', params);
    if (search) where.push(search.match);
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
       ORDER BY ${search?.rank ? `${search.rank}, ` : ''}population DESC, name LIMIT $${params.length}`,
      params,
    );
  }

  /** Codes among `inseeCodes` that are not known communes. */
  async unknownCommunes(inseeCodes: string[]): Promise<string[]> {
    const catalog = await this.catalog();
    return inseeCodes.filter((code) => catalog.commune(code) === null);
  }

  /** Sum of the municipal populations of the given communes. */
  async population(inseeCodes: string[]): Promise<number> {
    const catalog = await this.catalog();
    return inseeCodes.reduce((total, code) => total + (catalog.commune(code)?.population ?? 0), 0);
  }
}
