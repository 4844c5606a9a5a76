import type { DirectorySql, PracticeSitesSql } from '@cpts/platform-persons';
import { contactBasisSql } from '../consents/contact-basis';

/**
 * A person's current practice sites as SQL expressions, for the statements
 * that filter or show people by commune: the directory's own, and other
 * modules' (the mailing's segments and follow-up list), which get them
 * through the DIRECTORY_SQL person contract rather than knowing the table. `person` is the
 * alias of a `professionals` row in the caller's statement.
 */
export const practiceSitesSql: PracticeSitesSql = {
  /** A boolean: the person has a current site in one of these communes (`communeCodes`: a text[] expression). */
  practisesIn: (person: string, communeCodes: string): string =>
    `EXISTS (SELECT 1 FROM professional_sites site_ WHERE site_.tenant_id = ${person}.tenant_id AND site_.professional_id = ${person}.id
       AND site_.retired_at IS NULL AND site_.commune_code = ANY(${communeCodes}))`,
  /** A text[]: the communes of the person's current sites, the main site's first, each once. */
  communesOf: (person: string): string =>
    `ARRAY(SELECT site_.commune_code FROM professional_sites site_ WHERE site_.tenant_id = ${person}.tenant_id AND site_.professional_id = ${person}.id
       AND site_.retired_at IS NULL GROUP BY site_.commune_code ORDER BY bool_or(site_.id = ${person}.main_site_id) DESC, min(site_.created_at), site_.commune_code)`,
};

/** The directory's rules as SQL for the other domains (the DIRECTORY_SQL person contract): who may be contacted, and where people practise. */
export const directorySql: DirectorySql = { contactBasis: contactBasisSql, sites: practiceSitesSql };
