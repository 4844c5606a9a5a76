import { AppShell, Badge, Box, Burger, Group, NavLink, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBooks,
  IconBuildingBank,
  IconBuildingCommunity,
  IconBulb,
  IconClipboardList,
  IconReportAnalytics,
  IconChartLine,
  IconChecklist,
  IconHome,
  IconIdBadge2,
  IconListCheck,
  IconMail,
  IconMap2,
  IconReceiptEuro,
  IconTable,
  IconTopologyStar3,
  IconUsers,
  IconUsersGroup,
  IconWorld,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../auth/me';
import { ContextSwitcher } from './ContextSwitcher';
import { LoadingState } from './states';
import { UserMenu } from './UserMenu';

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
}

/** The frame of every signed-in page: who and where you are at the top, what you may do on the side. */
export function Layout() {
  const me = useMe();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  useEffect(() => close(), [location.pathname, close]);

  const sections: Array<{ title: string; items: NavItem[] }> = [];
  const cptsName = me.me.activeCpts?.name;
  const cptsItems: NavItem[] = [];
  const workingGroups: NavItem = { to: '/groupes-de-travail', label: t('workingGroups.nav'), icon: <IconTopologyStar3 size={18} /> };
  const actionItems: NavItem = { to: '/actions', label: t('actionItems.nav'), icon: <IconListCheck size={18} /> };
  const governance: NavItem = { to: '/gouvernance', label: t('governance.instances.nav'), icon: <IconBuildingBank size={18} /> };
  const calls: NavItem = { to: '/appels', label: t('calls.nav'), icon: <IconBulb size={18} /> };
  const payments: NavItem = { to: '/paiements', label: t('payments.nav'), icon: <IconReceiptEuro size={18} /> };
  const surveys: NavItem = { to: '/enquetes', label: t('surveys.nav'), icon: <IconClipboardList size={18} /> };
  const evaluation: NavItem = { to: '/dialogue-de-gestion', label: t('evaluation.nav'), icon: <IconReportAnalytics size={18} /> };
  if (me.isCptsStaff) {
    cptsItems.push(
      { to: '/cpts', label: t('nav.cptsHome'), icon: <IconHome size={18} /> },
      { to: '/annuaire', label: t('nav.directory'), icon: <IconAddressBook size={18} /> },
      { to: '/adhesions', label: t('memberships.nav'), icon: <IconIdBadge2 size={18} /> },
      { to: '/campagnes', label: t('campaigns.nav'), icon: <IconMail size={18} /> },
      workingGroups,
      actionItems,
      governance,
      calls,
      surveys,
      evaluation,
      { to: '/ressources', label: t('nav.cptsResources'), icon: <IconBooks size={18} /> },
      payments,
      { to: '/equipe', label: t('nav.team'), icon: <IconUsers size={18} /> },
    );
  }
  if (me.isBoardMember) cptsItems.push({ to: '/bureau', label: t('nav.board'), icon: <IconChecklist size={18} /> });
  if (me.isMember && !me.isCptsStaff && !me.isBoardMember) cptsItems.push({ to: '/adherent', label: t('nav.memberHome'), icon: <IconHome size={18} /> });
  // The board and the members too: each sees the groups the API shows them.
  if (!me.isCptsStaff && (me.isBoardMember || me.isMember)) cptsItems.push(workingGroups, actionItems);
  if (!me.isCptsStaff && me.isBoardMember) cptsItems.push(governance, calls, surveys, evaluation);
  // The board sees the payments' entry: the page tells a board member who is not the treasurer that it is the treasurer's.
  if (!me.isCptsStaff && me.isBoardMember) cptsItems.push(payments);
  if (cptsItems.length && cptsName) sections.push({ title: cptsName, items: cptsItems });

  const regionItems: NavItem[] = [];
  if (me.isRegionAdmin) {
    regionItems.push(
      { to: '/region', label: t('nav.regionCpts'), icon: <IconMap2 size={18} /> },
      { to: '/region/equipe', label: t('nav.regionTeam'), icon: <IconUsersGroup size={18} /> },
      { to: '/region/bibliotheque', label: t('nav.regionLibrary'), icon: <IconBooks size={18} /> },
      { to: '/region/tableau', label: t('nav.regionTable'), icon: <IconTable size={18} /> },
      { to: '/region/observatoire', label: t('nav.observatory'), icon: <IconChartLine size={18} /> },
    );
  }
  if (me.isMissionOfficer) regionItems.push({ to: '/mes-cpts', label: t('nav.followedCpts'), icon: <IconBuildingCommunity size={18} /> });
  if (me.isMissionOfficer && !me.isRegionAdmin) regionItems.push({ to: '/mes-cpts/observatoire', label: t('nav.observatory'), icon: <IconChartLine size={18} /> });
  if (regionItems.length) sections.push({ title: me.me.regionRoles[0]?.region.networkName ?? t('nav.region'), items: regionItems });
  if (me.isPlatformAdmin)
    sections.push({
      title: t('nav.platform'),
      items: [
        { to: '/plateforme', label: t('nav.regions'), icon: <IconWorld size={18} /> },
        { to: '/plateforme/pass', label: t('payments.pass.nav'), icon: <IconReceiptEuro size={18} /> },
      ],
    });

  const isActive = (to: string) => location.pathname === to || (to !== '/region' && location.pathname.startsWith(`${to}/`)) || (to === '/region' && location.pathname.startsWith('/region/cpts'));

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#contenu" className="skip-link">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="sm" gap="xs" wrap="nowrap" justify="space-between">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            <UnstyledButton component={Link} to="/" aria-label={t('nav.homeLink')} visibleFrom="xs">
              <Group gap={6} wrap="nowrap">
                <Logo />
                <Text fw={700} visibleFrom="md">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
            <ContextSwitcher />
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <Stack gap="md">
            {sections.map((section) => (
              <Box key={section.title}>
                <Text size="xs" fw={700} tt="uppercase" c="gray.8" mb={4} px="sm" className="break">
                  {section.title}
                </Text>
                {section.items.map((item) => (
                  <NavLink
                    key={item.to}
                    component={Link}
                    to={item.to}
                    label={item.label}
                    leftSection={item.icon}
                    active={isActive(item.to)}
                    aria-current={isActive(item.to) ? 'page' : undefined}
                    variant="filled"
                  />
                ))}
              </Box>
            ))}
          </Stack>
        </AppShell.Section>
        <AppShell.Section>
          <Badge variant="outline" color="gray.8" size="sm">
            {t('app.beta')}
          </Badge>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main id="contenu" component="main" style={{ minWidth: 0 }}>
        <Box maw={1200} mx="auto">
          {/* A page opened first, its code still on its way: the frame is there already. */}
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}

function Logo() {
  return (
    <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-brand-7)" />
      <path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="white" />
    </svg>
  );
}
