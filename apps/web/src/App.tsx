import { useMemo } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { homePath, MeProvider, useMe } from './auth/me';
import { useSession } from './auth/useSession';
import { FullPageLoader } from './components/FullPageLoader';
import { Guard } from './components/Guard';
import { Layout } from './components/Layout';
import { createGraphQLClient } from './lib/graphql-client';
import { AcceptInvitationPage } from './pages/auth/AcceptInvitationPage';
import { ForgotPasswordPage } from './pages/auth/ForgotPasswordPage';
import { ResetPasswordPage } from './pages/auth/ResetPasswordPage';
import { SignInPage } from './pages/auth/SignInPage';
import { BoardHomePage } from './pages/cpts/BoardHomePage';
import { CptsHomePage } from './pages/cpts/CptsHomePage';
import { MemberHomePage } from './pages/cpts/MemberHomePage';
import { MembershipsPage } from './pages/cpts/memberships/MembershipsPage';
import { CampaignComposerPage } from './pages/cpts/campaigns/CampaignComposerPage';
import { CampaignPage } from './pages/cpts/campaigns/CampaignPage';
import { CampaignsPage } from './pages/cpts/campaigns/CampaignsPage';
import { CampaignReportPage } from './pages/cpts/campaign-report/CampaignReportPage';
import { ProfessionalFormPage } from './pages/cpts/ProfessionalFormPage';
import { ProfessionalsPage } from './pages/cpts/ProfessionalsPage';
import { DirectoryImportPage, DirectoryImportReportPage } from './pages/cpts/DirectoryImportPages';
import { PersonPage } from './pages/cpts/person/PersonPage';
import { PersonDataPage } from './pages/cpts/person/PersonDataPage';
import { LabelsAdminPage } from './pages/cpts/LabelsAdminPage';
import { PublicDirectoryPage } from './pages/public/PublicDirectoryPage';
import { PreferencesPage } from './pages/public/PreferencesPage';
import { CsvImportPage } from './pages/cpts/csv-import/CsvImportPage';
import { DuplicatesPage } from './pages/cpts/duplicates/DuplicatesPage';
import { TeamPage } from './pages/cpts/TeamPage';
import { NoRolePage, NotFoundPage } from './pages/MiscPages';
import { PlatformHomePage } from './pages/PlatformHomePage';
import { CptsDetailPage } from './pages/region/CptsDetailPage';
import { CptsFormPage } from './pages/region/CptsFormPage';
import { FollowedCptsPage } from './pages/region/FollowedCptsPage';
import { RegionCptsPage } from './pages/region/RegionCptsPage';
import { RegionTeamPage } from './pages/region/RegionTeamPage';
import i18n from './i18n';

const t = i18n.t.bind(i18n);

export function App() {
  const { generation } = useSession();
  // A new client (and so an empty cache) for every session, CPTS switch or sign-out.
  const client = useMemo(() => createGraphQLClient(), [generation]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <UrqlProvider value={client}>
      <Routes>
        <Route path="/connexion" element={<SignInPage />} />
        <Route path="/mot-de-passe/oubli" element={<ForgotPasswordPage />} />
        <Route path="/mot-de-passe/nouveau" element={<ResetPasswordPage />} />
        <Route path="/invitation" element={<AcceptInvitationPage />} />
        {/* Public, no sign-in: the directory page of a CPTS. */}
        <Route path="/annuaire-public/:id" element={<PublicDirectoryPage />} />
        {/* Public, no sign-in: unsubscribe and choose what to receive, from the link of a campaign message. */}
        <Route path="/preferences/:token" element={<PreferencesPage />} />
        <Route element={<SignedIn />}>
          <Route index element={<Home />} />
          <Route path="cpts" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CptsHomePage /></Guard>} />
          <Route path="annuaire" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><ProfessionalsPage /></Guard>} />
          <Route path="annuaire/import" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><DirectoryImportPage /></Guard>} />
          <Route path="annuaire/import/:id" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><DirectoryImportReportPage /></Guard>} />
          <Route path="annuaire/doublons" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><DuplicatesPage /></Guard>} />
          <Route path="annuaire/import-csv" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CsvImportPage /></Guard>} />
          <Route path="annuaire/nouveau" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><ProfessionalFormPage /></Guard>} />
          <Route path="annuaire/:id" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><PersonPage /></Guard>} />
          <Route path="annuaire/:id/modifier" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><ProfessionalFormPage /></Guard>} />
          <Route path="adhesions" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><MembershipsPage /></Guard>} />
          <Route path="campagnes" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CampaignsPage /></Guard>} />
          <Route path="campagnes/nouvelle" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CampaignComposerPage /></Guard>} />
          <Route path="campagnes/:id" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CampaignPage /></Guard>} />
          <Route path="campagnes/:id/modifier" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CampaignComposerPage /></Guard>} />
          <Route path="campagnes/:id/rapport" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><CampaignReportPage /></Guard>} />
          <Route path="annuaire/:id/donnees" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><PersonDataPage /></Guard>} />
          <Route path="annuaire/etiquettes" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><LabelsAdminPage /></Guard>} />
          <Route path="equipe" element={<Guard allow={(a) => a.isCptsStaff} audience={t('audience.staff')}><TeamPage /></Guard>} />
          <Route path="bureau" element={<Guard allow={(a) => a.isBoardMember} audience={t('audience.board')}><BoardHomePage /></Guard>} />
          <Route path="adherent" element={<Guard allow={(a) => a.cptsRoles.length > 0} audience={t('audience.cptsAny')}><MemberHomePage /></Guard>} />
          <Route path="region" element={<Guard allow={(a) => a.isRegionAdmin} audience={t('audience.regionAdmin')}><RegionCptsPage /></Guard>} />
          <Route path="region/cpts/nouvelle" element={<Guard allow={(a) => a.isRegionAdmin} audience={t('audience.regionAdmin')}><CptsFormPage /></Guard>} />
          <Route path="region/cpts/:id" element={<Guard allow={(a) => a.isRegionAdmin} audience={t('audience.regionAdmin')}><CptsDetailPage mode="admin" /></Guard>} />
          <Route path="region/cpts/:id/modifier" element={<Guard allow={(a) => a.isRegionAdmin} audience={t('audience.regionAdmin')}><CptsFormPage /></Guard>} />
          <Route path="region/equipe" element={<Guard allow={(a) => a.isRegionAdmin} audience={t('audience.regionAdmin')}><RegionTeamPage /></Guard>} />
          <Route path="mes-cpts" element={<Guard allow={(a) => a.isMissionOfficer} audience={t('audience.missionOfficer')}><FollowedCptsPage /></Guard>} />
          <Route path="mes-cpts/:id" element={<Guard allow={(a) => a.isMissionOfficer} audience={t('audience.missionOfficer')}><CptsDetailPage mode="officer" /></Guard>} />
          <Route path="plateforme" element={<Guard allow={(a) => a.isPlatformAdmin} audience={t('audience.platformAdmin')}><PlatformHomePage /></Guard>} />
          <Route path="sans-role" element={<NoRolePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </UrqlProvider>
  );
}

/** Signed-in pages: wait for the session, else go and sign in (and come back here after). */
function SignedIn() {
  const { status, signedOutByUser, generation } = useSession();
  const location = useLocation();
  if (status === 'loading') return <FullPageLoader />;
  if (status === 'signedOut' && signedOutByUser) return <Navigate to="/connexion?deconnecte=1" replace />;
  if (status === 'signedOut') {
    const next = location.pathname === '/' ? '' : `?suite=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/connexion${next}`} replace />;
  }
  return (
    // Remounted for each session generation: a CPTS switch never shows the previous roles, even for a frame.
    <MeProvider key={generation}>
      <Layout />
    </MeProvider>
  );
}

function Home() {
  const me = useMe();
  return <Navigate to={homePath(me)} replace />;
}
