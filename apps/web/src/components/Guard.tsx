import { Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, type Abilities } from '../auth/me';
import { rolesLabel } from './roles';
import { PageNotice } from './states';

/**
 * Shows the page only to those `allow` accepts; to others, a clear French
 * message saying who the page is for and what role they hold now.
 */
export function Guard({ allow, audience, children }: { allow: (a: Abilities) => boolean; audience: string; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (allow(me)) return <>{children}</>;
  const current = [
    ...me.me.regionRoles.map((r) => `${t(`roles.${r.role}`)} (${r.region.networkName})`),
    ...(me.me.activeCpts && me.cptsRoles.length ? [`${rolesLabel(me.cptsRoles)} (${me.me.activeCpts.name})`] : []),
  ];
  return (
    <PageNotice
      icon={<IconLock size={32} />}
      title={t('guard.title')}
      description={
        <>
          <Text c="gray.8">{t('guard.reservedTo', { audience })}</Text>
          <Text c="gray.8" mt="xs">
            {current.length ? t('guard.yourRoles', { roles: current.join(' ; ') }) : t('guard.noRole')}
          </Text>
        </>
      }
      role="alert"
    />
  );
}
