import { Suspense } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import type { Abilities } from './auth/me';
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
const MeetingReplyPage = lazyPage(() => import('./pages/public/MeetingReplyPage'), 'MeetingReplyPage');
const MeetingPollPage = lazyPage(() => import('./pages/public/MeetingPollPage'), 'MeetingPollPage');
const ActionItemPage = lazyPage(() => import('./pages/public/ActionItemPage'), 'ActionItemPage');
const JoinGroupPage = lazyPage(() => import('./pages/public/JoinGroupPage'), 'JoinGroupPage');
const DecisionVotePage = lazyPage(() => import('./pages/public/DecisionVotePage'), 'DecisionVotePage');
const PublicCallPage = lazyPage(() => import('./pages/public/CallPage'), 'CallPage');
const ProposerProjectPage = lazyPage(() => import('./pages/public/ProposerProjectPage'), 'ProposerProjectPage');
const CsvImportPage = lazyPage(() => import('./pages/cpts/csv-import/CsvImportPage'), 'CsvImportPage');
const DuplicatesPage = lazyPage(() => import('./pages/cpts/duplicates/DuplicatesPage'), 'DuplicatesPage');
const TeamPage = lazyPage(() => import('./pages/cpts/TeamPage'), 'TeamPage');
const WorkingGroupsPage = lazyPage(() => import('./pages/cpts/working-groups/WorkingGroupsPage'), 'WorkingGroupsPage');
const WorkingGroupFormPage = lazyPage(() => import('./pages/cpts/working-groups/WorkingGroupFormPage'), 'WorkingGroupFormPage');
const WorkingGroupPage = lazyPage(() => import('./pages/cpts/working-groups/WorkingGroupPage'), 'WorkingGroupPage');
const ActionItemsPage = lazyPage(() => import('./pages/cpts/working-groups/ActionItemsPage'), 'ActionItemsPage');
const PollPage = lazyPage(() => import('./pages/cpts/working-groups/PollPage'), 'PollPage');
const MeetingPage = lazyPage(() => import('./pages/cpts/working-groups/MeetingPage'), 'MeetingPage');
const GovernancePage = lazyPage(() => import('./pages/cpts/governance/GovernancePage'), 'GovernancePage');
const InstancePage = lazyPage(() => import('./pages/cpts/governance/InstancePage'), 'InstancePage');
const SpendingPage = lazyPage(() => import('./pages/cpts/governance/SpendingPage'), 'SpendingPage');
const DecisionsPage = lazyPage(() => import('./pages/cpts/governance/DecisionsPage'), 'DecisionsPage');
const DecisionPage = lazyPage(() => import('./pages/cpts/governance/DecisionPage'), 'DecisionPage');
const DecisionFormPage = lazyPage(() => import('./pages/cpts/governance/DecisionFormPage'), 'DecisionFormPage');
const RegisterPage = lazyPage(() => import('./pages/cpts/governance/RegisterPage'), 'RegisterPage');
const PaymentsPage = lazyPage(() => import('./pages/cpts/payments/PaymentsPage'), 'PaymentsPage');
const PaymentStatementPage = lazyPage(() => import('./pages/cpts/payments/PaymentStatementPage'), 'PaymentStatementPage');
const PassCeilingsPage = lazyPage(() => import('./pages/cpts/payments/PassCeilingsPage'), 'PassCeilingsPage');
const CallsPage = lazyPage(() => import('./pages/cpts/calls/CallsPage'), 'CallsPage');
const CallFormPage = lazyPage(() => import('./pages/cpts/calls/CallFormPage'), 'CallFormPage');
const CallPage = lazyPage(() => import('./pages/cpts/calls/CallPage'), 'CallPage');
const ProjectPage = lazyPage(() => import('./pages/cpts/calls/ProjectPage'), 'ProjectPage');
const CallSummaryPage = lazyPage(() => import('./pages/cpts/calls/CallSummaryPage'), 'CallSummaryPage');
const EvaluationPage = lazyPage(() => import('./pages/cpts/evaluation/EvaluationPage'), 'EvaluationPage');
const FichePage = lazyPage(() => import('./pages/cpts/evaluation/FichePage'), 'FichePage');
const SurveysPage = lazyPage(() => import('./pages/cpts/surveys/SurveysPage'), 'SurveysPage');
const SurveyPage = lazyPage(() => import('./pages/cpts/surveys/SurveyPage'), 'SurveyPage');
const SurveyAnswerPage = lazyPage(() => import('./pages/public/SurveyAnswerPage'), 'SurveyAnswerPage');
const NoRolePage = lazyPage(() => import('./pages/MiscPages'), 'NoRolePage');
const NotFoundPage = lazyPage(() => import('./pages/MiscPages'), 'NotFoundPage');
const PlatformHomePage = lazyPage(() => import('./pages/PlatformHomePage'), 'PlatformHomePage');
const CptsDetailPage = lazyPage(() => import('./pages/region/CptsDetailPage'), 'CptsDetailPage');
const CptsFormPage = lazyPage(() => import('./pages/region/CptsFormPage'), 'CptsFormPage');
const FollowedCptsPage = lazyPage(() => import('./pages/region/FollowedCptsPage'), 'FollowedCptsPage');
const ObservatoryPage = lazyPage(() => import('./pages/region/ObservatoryPage'), 'ObservatoryPage');
const RegionCptsPage = lazyPage(() => import('./pages/region/RegionCptsPage'), 'RegionCptsPage');
const RegionTeamPage = lazyPage(() => import('./pages/region/RegionTeamPage'), 'RegionTeamPage');
const RegionLibraryPage = lazyPage(() => import('./pages/region/library/RegionLibraryPage'), 'RegionLibraryPage');
const RegionResourcePage = lazyPage(() => import('./pages/region/library/RegionResourcePage'), 'RegionResourcePage');
const ResourceFormPage = lazyPage(() => import('./pages/region/library/ResourceFormPage'), 'ResourceFormPage');
const LibraryPage = lazyPage(() => import('./pages/cpts/resources/LibraryPage'), 'LibraryPage');
const AdoptionPage = lazyPage(() => import('./pages/cpts/resources/AdoptionPage'), 'AdoptionPage');

const t = i18n.t.bind(i18n);

/** Who each part of the signed-in app is for: its pages are routed under one guard. */
const AUDIENCES = {
  staff: { allow: (a) => a.isCptsStaff, audience: 'audience.staff' },
  board: { allow: (a) => a.isBoardMember, audience: 'audience.board' },
  governance: { allow: (a) => a.isCptsStaff || a.isBoardMember, audience: 'governance.instances.audience' },
  cptsAny: { allow: (a) => a.cptsRoles.length > 0, audience: 'audience.cptsAny' },
  regionAdmin: { allow: (a) => a.isRegionAdmin, audience: 'audience.regionAdmin' },
  missionOfficer: { allow: (a) => a.isMissionOfficer, audience: 'audience.missionOfficer' },
  platformAdmin: { allow: (a) => a.isPlatformAdmin, audience: 'audience.platformAdmin' },
} satisfies Record<string, { allow: (a: Abilities) => boolean; audience: string }>;

/** The guard of a group of routes: their page (the outlet) for those it is meant for, a clear message to others. */
function Only({ who }: { who: keyof typeof AUDIENCES }) {
  const { allow, audience } = AUDIENCES[who];
  return (
    <Guard allow={allow} audience={t(audience)}>
      <Outlet />
    </Guard>
  );
}

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
        {/* Public, no sign-in: answer a meeting invitation (present, absent, excused), from the link of its email. */}
        <Route path="/cpts/:slug/reunions/:token" element={<MeetingReplyPage />} />
        {/* Public, no sign-in: answer a scheduling poll (yes, if need be, no for each slot), from the link of its email. */}
        <Route path="/cpts/:slug/sondages/:token" element={<MeetingPollPage />} />
        {/* Public, no sign-in: mark an action item done, from the link of its reminders. */}
        <Route path="/cpts/:slug/actions/:token" element={<ActionItemPage />} />
        {/* Public, no sign-in: ask to join a working group, from the link a newsletter carries. */}
        <Route path="/cpts/:slug/groupes/:token" element={<JoinGroupPage />} />
        {/* Public, no sign-in: vote on a decision of an instance, from the link of its email (?choix= only preselects). */}
        <Route path="/cpts/:slug/decisions/:token" element={<DecisionVotePage />} />
        {/* Public, no sign-in: a call for projects (its rules, "propose a project"), and a proposer's project from the link of its email. */}
        <Route path="/cpts/:slug/appels/:callSlug" element={<PublicCallPage />} />
        <Route path="/cpts/:slug/projets/:token" element={<ProposerProjectPage />} />
        {/* Public, no sign-in: answer a survey, from the personal link of its email (one answer per link). */}
        <Route path="/cpts/:slug/enquetes/:token" element={<SurveyAnswerPage />} />
        <Route path="/cpts/:slug/*" element={<NotFoundPage />} />
        {/* The addresses of before: the gateway redirects them (301); reached without a page load, the page moves to the new one. */}
        <Route path="/annuaire-public/:slug" element={<PublicDirectoryPage />} />
        <Route path="/preferences/:token" element={<PreferencesPage />} />
        <Route element={<SignedIn />}>
          <Route index element={<Home />} />
          <Route element={<Only who="staff" />}>
            <Route path="cpts" element={<CptsHomePage />} />
            <Route path="annuaire" element={<ProfessionalsPage />} />
            <Route path="annuaire/import" element={<DirectoryImportPage />} />
            <Route path="annuaire/import/:id" element={<DirectoryImportReportPage />} />
            <Route path="annuaire/doublons" element={<DuplicatesPage />} />
            <Route path="annuaire/import-csv" element={<CsvImportPage />} />
            <Route path="annuaire/nouveau" element={<ProfessionalFormPage />} />
            <Route path="annuaire/:id" element={<PersonPage />} />
            <Route path="annuaire/:id/modifier" element={<ProfessionalFormPage />} />
            <Route path="adhesions" element={<MembershipsPage />} />
            <Route path="campagnes" element={<CampaignsPage />} />
            <Route path="campagnes/nouvelle" element={<CampaignComposerPage />} />
            <Route path="campagnes/:id" element={<CampaignPage />} />
            <Route path="campagnes/:id/modifier" element={<CampaignComposerPage />} />
            <Route path="campagnes/:id/rapport" element={<CampaignReportPage />} />
            <Route path="annuaire/:id/donnees" element={<PersonDataPage />} />
            <Route path="annuaire/etiquettes" element={<LabelsAdminPage />} />
            <Route path="equipe" element={<TeamPage />} />
            <Route path="groupes-de-travail/nouveau" element={<WorkingGroupFormPage />} />
            <Route path="appels/nouveau" element={<CallFormPage />} />
            <Route path="appels/:id/modifier" element={<CallFormPage />} />
          </Route>
          <Route element={<Only who="board" />}>
            <Route path="bureau" element={<BoardHomePage />} />
          </Route>
          {/* Governance: the team keeps it, the board reads it (the API decides who may change what). */}
          <Route element={<Only who="governance" />}>
            <Route path="gouvernance" element={<GovernancePage />} />
            <Route path="gouvernance/instances/:id" element={<InstancePage />} />
            <Route path="gouvernance/instances/:id/reunions/:meetingId" element={<MeetingPage owner="instance" />} />
            <Route path="gouvernance/depenses" element={<SpendingPage />} />
            <Route path="gouvernance/decisions/nouvelle" element={<DecisionFormPage />} />
            <Route path="gouvernance/decisions/:id/modifier" element={<DecisionFormPage />} />
            <Route path="gouvernance/registre" element={<RegisterPage />} />
            {/* Payments: the team manages them, the bureau's treasurer reads them and marks them paid (the API refuses other board members). */}
            <Route path="paiements" element={<PaymentsPage />} />
            <Route path="paiements/etat/:professionalId/:annee" element={<PaymentStatementPage />} />
          </Route>
          {/* Calls for projects: the team runs them, the board reads them and the projects put to it (the API filters). */}
          <Route element={<Only who="governance" />}>
            <Route path="appels" element={<CallsPage />} />
            <Route path="appels/:id" element={<CallPage />} />
            <Route path="appels/:id/synthese" element={<CallSummaryPage />} />
            {/* The emails to the team link to a project here (ProposerLinks.appUrlOf). */}
            <Route path="appels/projets/:id" element={<ProjectPage />} />
          </Route>
          {/* The dialogue de gestion: the team writes the fiches action, the board reads them and downloads the file (the API decides). */}
          <Route element={<Only who="governance" />}>
            <Route path="dialogue-de-gestion" element={<EvaluationPage />} />
            <Route path="dialogue-de-gestion/fiches/:id" element={<FichePage />} />
          </Route>
          {/* Surveys: the team builds, sends and exports them; the board reads their results (the API decides). */}
          <Route element={<Only who="governance" />}>
            <Route path="enquetes" element={<SurveysPage />} />
            {/* The regional library: the team browses and adopts; the board reads the adopted copies (the API decides). */}
            <Route path="ressources" element={<LibraryPage />} />
            <Route path="ressources/mes-ressources" element={<LibraryPage />} />
            <Route path="ressources/mes-ressources/:id" element={<AdoptionPage />} />
            <Route path="enquetes/:id" element={<SurveyPage />} />
          </Route>
          <Route element={<Only who="cptsAny" />}>
            <Route path="adherent" element={<MemberHomePage />} />
            {/* Every CPTS role: the API shows each person the groups they may see, and lets the team and a group's referents change it. */}
            <Route path="groupes-de-travail" element={<WorkingGroupsPage />} />
            <Route path="groupes-de-travail/:id" element={<WorkingGroupPage />} />
            <Route path="groupes-de-travail/:id/modifier" element={<WorkingGroupFormPage />} />
            {/* The action items of every group the person may see (signed in; not the public /cpts/:slug/actions/:token). */}
            <Route path="actions" element={<ActionItemsPage />} />
            <Route path="groupes-de-travail/:id/sondages/:pollId" element={<PollPage />} />
            <Route path="groupes-de-travail/:id/reunions/:meetingId" element={<MeetingPage />} />
            {/* Decisions: the team and the board see them all; a member the AG's published ones (the API filters). */}
            <Route path="gouvernance/decisions" element={<DecisionsPage />} />
            <Route path="gouvernance/decisions/:id" element={<DecisionPage />} />
          </Route>
          <Route element={<Only who="regionAdmin" />}>
            <Route path="region" element={<RegionCptsPage />} />
            <Route path="region/cpts/nouvelle" element={<CptsFormPage />} />
            <Route path="region/cpts/:id" element={<CptsDetailPage mode="admin" />} />
            <Route path="region/cpts/:id/modifier" element={<CptsFormPage />} />
            <Route path="region/equipe" element={<RegionTeamPage />} />
            <Route path="region/bibliotheque" element={<RegionLibraryPage />} />
            <Route path="region/bibliotheque/nouvelle" element={<ResourceFormPage />} />
            <Route path="region/bibliotheque/:id" element={<RegionResourcePage />} />
            <Route path="region/bibliotheque/:id/version" element={<ResourceFormPage />} />
            <Route path="region/tableau" element={<FollowedCptsPage mode="admin" />} />
            <Route path="region/observatoire" element={<ObservatoryPage />} />
          </Route>
          <Route element={<Only who="missionOfficer" />}>
            <Route path="mes-cpts" element={<FollowedCptsPage />} />
            <Route path="mes-cpts/observatoire" element={<ObservatoryPage />} />
            <Route path="mes-cpts/:id" element={<CptsDetailPage mode="officer" />} />
          </Route>
          <Route element={<Only who="platformAdmin" />}>
            <Route path="plateforme" element={<PlatformHomePage />} />
            <Route path="plateforme/pass" element={<PassCeilingsPage />} />
          </Route>
          <Route path="sans-role" element={<NoRolePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
