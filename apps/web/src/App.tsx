import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { FullPageLoader } from './components/FullPageLoader';
import { lazyPage } from './lib/lazyPage';
import i18n from './i18n';

// Every page is loaded with its route (lib/lazyPage): a public page's first load carries none of the staff app.
const GraphQLProvider = lazyPage(() => import('./lib/GraphQLProvider'), 'GraphQLProvider');
const SignedIn = lazyPage(() => import('./auth/SignedIn'), 'SignedIn');
const Home = lazyPage(() => import('./auth/SignedIn'), 'Home');
const Guard = lazyPage(() => import('./components/Guard'), 'Guard');
const AcceptInvitationPage = lazyPage(() => import('./pages/auth/AcceptInvitationPage'), 'AcceptInvitationPage');
const ForgotPasswordPage = lazyPage(() => import('./pages/auth/ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./pages/auth/ResetPasswordPage'), 'ResetPasswordPage');
const SignInPage = lazyPage(() => import('./pages/auth/SignInPage'), 'SignInPage');
const BoardHomePage = lazyPage(() => import('./pages/cpts/BoardHomePage'), 'BoardHomePage');
const CptsHomePage = lazyPage(() => import('./pages/cpts/CptsHomePage'), 'CptsHomePage');
const MemberHomePage = lazyPage(() => import('./pages/cpts/MemberHomePage'), 'MemberHomePage');
const MembershipsPage = lazyPage(() => import('./pages/cpts/memberships/MembershipsPage'), 'MembershipsPage');
const CampaignComposerPage = lazyPage(() => import('./pages/cpts/campaigns/CampaignComposerPage'), 'CampaignComposerPage');
const CampaignPage = lazyPage(() => import('./pages/cpts/campaigns/CampaignPage'), 'CampaignPage');
const CampaignsPage = lazyPage(() => import('./pages/cpts/campaigns/CampaignsPage'), 'CampaignsPage');
const CampaignReportPage = lazyPage(() => import('./pages/cpts/campaign-report/CampaignReportPage'), 'CampaignReportPage');
const ProfessionalFormPage = lazyPage(() => import('./pages/cpts/ProfessionalFormPage'), 'ProfessionalFormPage');
const ProfessionalsPage = lazyPage(() => import('./pages/cpts/ProfessionalsPage'), 'ProfessionalsPage');
const DirectoryImportPage = lazyPage(() => import('./pages/cpts/DirectoryImportPages'), 'DirectoryImportPage');
const DirectoryImportReportPage = lazyPage(() => import('./pages/cpts/DirectoryImportPages'), 'DirectoryImportReportPage');
const PersonPage = lazyPage(() => import('./pages/cpts/person/PersonPage'), 'PersonPage');
const PersonDataPage = lazyPage(() => import('./pages/cpts/person/PersonDataPage'), 'PersonDataPage');
const LabelsAdminPage = lazyPage(() => import('./pages/cpts/LabelsAdminPage'), 'LabelsAdminPage');
const PublicDirectoryPage = lazyPage(() => import('./pages/public/PublicDirectoryPage'), 'PublicDirectoryPage');
const PreferencesPage = lazyPage(() => import('./pages/public/PreferencesPage'), 'PreferencesPage');
const CsvImportPage = lazyPage(() => import('./pages/cpts/csv-import/CsvImportPage'), 'CsvImportPage');
const DuplicatesPage = lazyPage(() => import('./pages/cpts/duplicates/DuplicatesPage'), 'DuplicatesPage');
const TeamPage = lazyPage(() => import('./pages/cpts/TeamPage'), 'TeamPage');
const NoRolePage = lazyPage(() => import('./pages/MiscPages'), 'NoRolePage');
const NotFoundPage = lazyPage(() => import('./pages/MiscPages'), 'NotFoundPage');
const PlatformHomePage = lazyPage(() => import('./pages/PlatformHomePage'), 'PlatformHomePage');
const CptsDetailPage = lazyPage(() => import('./pages/region/CptsDetailPage'), 'CptsDetailPage');
const CptsFormPage = lazyPage(() => import('./pages/region/CptsFormPage'), 'CptsFormPage');
const FollowedCptsPage = lazyPage(() => import('./pages/region/FollowedCptsPage'), 'FollowedCptsPage');
const RegionCptsPage = lazyPage(() => import('./pages/region/RegionCptsPage'), 'RegionCptsPage');
const RegionTeamPage = lazyPage(() => import('./pages/region/RegionTeamPage'), 'RegionTeamPage');

const t = i18n.t.bind(i18n);

export function App() {
  return (
    // While a page's code arrives (lib/lazyPage) on a first load; later navigations keep the page on screen until the next one is ready.
    <Suspense fallback={<FullPageLoader />}>
      <Routes>
        {/* The GraphQL client goes with the pages that use it: the signed-in ones have theirs in SignedIn. */}
        <Route path="/connexion" element={<GraphQLProvider><SignInPage /></GraphQLProvider>} />
        <Route path="/mot-de-passe/oubli" element={<GraphQLProvider><ForgotPasswordPage /></GraphQLProvider>} />
        <Route path="/mot-de-passe/nouveau" element={<GraphQLProvider><ResetPasswordPage /></GraphQLProvider>} />
        <Route path="/invitation" element={<GraphQLProvider><AcceptInvitationPage /></GraphQLProvider>} />
        {/* Public, no sign-in, under the CPTS's readable address (its slug): the directory page of a CPTS. */}
        <Route path="/cpts/:slug/annuaire" element={<PublicDirectoryPage />} />
        {/* Public, no sign-in: unsubscribe and choose what to receive, from the link of a campaign message. */}
        <Route path="/cpts/:slug/preferences/:token" element={<PreferencesPage />} />
        <Route path="/cpts/:slug/*" element={<NotFoundPage />} />
        {/* The addresses of before: the gateway redirects them (301); reached without a page load, the page moves to the new one. */}
        <Route path="/annuaire-public/:slug" element={<PublicDirectoryPage />} />
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
    </Suspense>
  );
}
