import { ReferenceCatalog } from '@cpts/platform-reference';
import { FicheEvidence } from '../fiche.types';
import { Rows } from './read';

/**
 * The CPTS's members of the year per profession: the directory's active
 * memberships of that year (libs/directory memberships, status 'active', as
 * its counts and renewals read them), with their profession's label.
 */
export async function membershipEvidence(rows: Rows, tenantId: string, year: number, catalog: ReferenceCatalog): Promise<FicheEvidence> {
  const perProfession = await rows<{ code: string; n: number }>(
    `SELECT p.profession_code AS code, count(*)::int AS n
     FROM memberships m JOIN professionals p ON p.tenant_id = m.tenant_id AND p.id = m.professional_id
     WHERE m.tenant_id = $1 AND m.year = $2 AND m.status = 'active'
     GROUP BY 1 ORDER BY 2 DESC, 1`,
    [tenantId, year],
  );
  const total = perProfession.reduce((sum, p) => sum + p.n, 0);
  return {
    id: tenantId,
    kind: 'memberships',
    automatic: true,
    title: `Adhérents ${year} par profession`,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    figures: [
      { label: 'Adhérents', value: total, unit: null, key: 'members' },
      { label: 'Professions représentées', value: perProfession.length, unit: null, key: null },
    ],
    details: perProfession.map((p) => `${catalog.profession(p.code)?.label ?? p.code} : ${p.n}`),
    url: '/adhesions',
    gap: null,
  };
}
