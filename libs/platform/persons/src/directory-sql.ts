/**
 * The directory's contact rule as SQL: for a purpose, a consent status and
 * an address, whether the person may be written to, on which basis, and
 * why not. Other modules select with this one rule, never a copy of it.
 */
export type ContactBasisSql = (inputs: { purpose: string; status: string; emailIsWork: string; hasEmail: string }) => {
  allowed: string;
  basis: string;
  reason: string;
};

/** Where a person practises, as SQL: a person may have several practice sites, each in its commune. */
export interface PracticeSitesSql {
  /** A boolean: the person (a `professionals` alias) has a current practice site in one of the communes (a text[] expression). */
  practisesIn(person: string, communeCodes: string): string;
  /** A text[]: the communes of the person's current sites, the main site's first. */
  communesOf(person: string): string;
}

/**
 * The directory's rules as SQL fragments, for modules whose statements
 * select or show people (a mailing's audience, a follow-up list): the
 * directory provides it under DIRECTORY_SQL in the gateway and the worker.
 */
export interface DirectorySql {
  contactBasis: ContactBasisSql;
  sites: PracticeSitesSql;
}

/** Injection token of the directory's DirectorySql. */
export const DIRECTORY_SQL = Symbol('DIRECTORY_SQL');
