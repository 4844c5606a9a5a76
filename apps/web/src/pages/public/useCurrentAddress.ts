import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Moves a public page to its CPTS's current address once its data says what
 * that is: a former slug, or an address of before (/annuaire-public/<id>,
 * /preferences/<token>), reached without a page load, where the gateway's
 * permanent redirect could not act. The API followed its own (308) already.
 */
export function useCurrentAddress(path: string | null): void {
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (path && path !== pathname) void navigate(`${path}${search}`, { replace: true });
  }, [path, pathname, search, navigate]);
}
