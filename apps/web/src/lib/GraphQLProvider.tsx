import { useMemo, type ReactNode } from 'react';
import { Provider } from 'urql';
import { useSession } from '../auth/useSession';
import { createGraphQLClient } from './graphql-client';

/**
 * The GraphQL client, for the pages that use one: the signed-in app and the
 * sign-in, password and invitation pages. The public pages do without it,
 * and without its code.
 */
export function GraphQLProvider({ children }: { children: ReactNode }) {
  const { generation } = useSession();
  // A new client (and so an empty cache) for every session, CPTS switch or sign-out.
  const client = useMemo(() => createGraphQLClient(), [generation]); // eslint-disable-line react-hooks/exhaustive-deps
  return <Provider value={client}>{children}</Provider>;
}
