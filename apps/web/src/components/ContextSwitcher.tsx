import { Badge, Group, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useMe } from '../auth/me';
import { graphql } from '../gql';
import { toAppError } from '../lib/errors';
import { session } from '../lib/session';
import { roleLabel, rolesLabel } from './roles';

const SwitchCptsDocument = graphql(`
  mutation SwitchCpts($cptsId: ID!) {
    switchCpts(cptsId: $cptsId) {
      accessToken
      accessTokenExpiresAt
    }
  }
`);

/**
 * Always in the header: the active CPTS (or region) and the role held there.
 * People with roles in several CPTS switch here.
 */
export function ContextSwitcher() {
  const me = useMe();
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const [, switchCpts] = useMutation(SwitchCptsDocument);
  const [switching, setSwitching] = useState(false);

  const onRegionPage = location.pathname.startsWith('/region') || location.pathname.startsWith('/mes-cpts');
  const region = me.me.regionRoles[0];
  const active = me.me.activeCpts;
  let name: string;
  let role: string;
  if ((onRegionPage || !active) && region) {
    name = region.region.networkName;
    role = [...new Set(me.me.regionRoles.map((r) => roleLabel(r.role)))].join(', ');
  } else if (active) {
    name = active.name;
    role = rolesLabel(me.cptsRoles);
  } else if (me.isPlatformAdmin) {
    name = t('app.name');
    role = roleLabel('PLATFORM_ADMIN');
  } else {
    name = t('context.none');
    role = '';
  }

  const choose = async (cptsId: string) => {
    if (cptsId === active?.id && !onRegionPage) return;
    if (cptsId === active?.id) {
      navigate('/');
      return;
    }
    setSwitching(true);
    const result = await switchCpts({ cptsId });
    setSwitching(false);
    const payload = result.data?.switchCpts;
    if (!payload) {
      notifications.show({ color: 'red', title: t('context.switchFailed'), message: toAppError(result.error)?.message });
      return;
    }
    navigate('/', { replace: true });
    session.signedIn(payload, { switched: true });
  };

  const several = me.me.memberships.length > 1 || (me.me.memberships.length > 0 && !!region);
  const label = (
    <Stack gap={0} style={{ minWidth: 0 }}>
      <Text fw={600} size="sm" truncate="end" data-testid="active-context">
        {name}
      </Text>
      {role && (
        <Text size="xs" c="gray.8" truncate="end" data-testid="active-role">
          {role}
        </Text>
      )}
    </Stack>
  );

  if (!several) {
    return (
      <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }} aria-label={t('context.current')}>
        {label}
      </Group>
    );
  }

  return (
    <Menu position="bottom-start" width={320} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton
          disabled={switching}
          style={{ minWidth: 0, padding: '4px 8px', borderRadius: 8, border: '1px solid var(--mantine-color-gray-4)' }}
        >
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
            {label}
            <VisuallyHidden>{t('context.switchHint')}</VisuallyHidden>
            <IconChevronDown size={16} aria-hidden style={{ flexShrink: 0 }} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {me.me.memberships.length > 0 && <Menu.Label>{t('context.yourCpts')}</Menu.Label>}
        {me.me.memberships.map((m) => {
          const current = m.cpts.id === active?.id;
          return (
            <Menu.Item
              key={m.cpts.id}
              onClick={() => void choose(m.cpts.id)}
              leftSection={current ? <IconCheck size={16} aria-label={t('context.active')} /> : <span style={{ width: 16 }} />}
            >
              <Text size="sm" fw={current ? 700 : 500}>
                {m.cpts.name}
              </Text>
              <Text size="xs" c="gray.8">
                {rolesLabel(m.roles)}
              </Text>
            </Menu.Item>
          );
        })}
        {region && (
          <>
            <Menu.Label>{region.region.networkName}</Menu.Label>
            {me.isRegionAdmin && (
              <Menu.Item onClick={() => navigate('/region')} leftSection={<span style={{ width: 16 }} />}>
                <Text size="sm">{t('nav.regionCpts')}</Text>
                <Badge size="xs" color="grape">
                  {roleLabel('REGION_ADMIN')}
                </Badge>
              </Menu.Item>
            )}
            {me.isMissionOfficer && (
              <Menu.Item onClick={() => navigate('/mes-cpts')} leftSection={<span style={{ width: 16 }} />}>
                <Text size="sm">{t('nav.followedCpts')}</Text>
                <Badge size="xs" color="violet">
                  {roleLabel('MISSION_OFFICER')}
                </Badge>
              </Menu.Item>
            )}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
