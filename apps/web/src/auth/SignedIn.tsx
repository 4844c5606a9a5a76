import { Notifications } from '@mantine/notifications';
import { Navigate, useLocation } from 'react-router';
import { FullPageLoader } from '../components/FullPageLoader';
import { Layout } from '../components/Layout';
import { GraphQLProvider } from '../lib/GraphQLProvider';
import { homePath, MeProvider, useMe } from './me';
import { useSession } from './useSession';

/** Signed-in pages: wait for the session, else go and sign in (and come back here after). */
export function SignedIn() {
  const { status, signedOutByUser, generation } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'signedOut' && signedOutByUser) return <Navigate to="/connexion?deconnecte=1" replace />;
  if (status === 'signedOut') {
    const next = location.pathname === '/' ? '' : `?suite=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/connexion${next}`} replace />;
  }
  return (
    <GraphQLProvider>
      {/* Remounted for each session generation: a CPTS switch never shows the previous roles, even for a frame. */}
      <MeProvider key={generation}>
        <Layout />
      </MeProvider>
      {/* Only signed-in pages confirm with a notification: the public ones do without its code. */}
      <Notifications position="bottom-center" autoClose={5000} limit={3} />
    </GraphQLProvider>
  );
}

export function Home() {
  const me = useMe();
  return <Navigate to={homePath(me)} replace />;
}
