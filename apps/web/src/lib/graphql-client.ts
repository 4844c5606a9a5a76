import { authExchange } from '@urql/exchange-auth';
import { cacheExchange, Client, fetchExchange, getOperationName } from 'urql';
import { session } from './session';

/** Operations anyone may call: an UNAUTHENTICATED answer there is a wrong password, not an expired token. */
const PUBLIC_OPERATIONS = new Set(['Login', 'Logout', 'RequestPasswordReset', 'ResetPassword', 'InvitationPreview', 'AcceptInvitation']);

function isPublic(query: Parameters<typeof getOperationName>[0]): boolean {
  return PUBLIC_OPERATIONS.has(getOperationName(query) ?? '');
}

/** One client per session generation: signing in, out or switching CPTS starts with an empty cache. */
export function createGraphQLClient(): Client {
  return new Client({
    url: '/graphql',
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => ({
        addAuthToOperation(operation) {
          const token = session.token;
          return token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation;
        },
        willAuthError(operation) {
          return !isPublic(operation.query) && session.getState().status === 'signedIn' && session.expiresSoon(10_000);
        },
        didAuthError(error, operation) {
          return !isPublic(operation.query) && error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
        },
        async refreshAuth() {
          await session.refresh();
        },
      })),
      fetchExchange,
    ],
  });
}
