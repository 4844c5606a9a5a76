import { Avatar, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useMe } from '../auth/me';
import { graphql } from '../gql';
import { session } from '../lib/session';

const LogoutDocument = graphql(`
  mutation Logout {
    logout
  }
`);

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function UserMenu() {
  const me = useMe();
  const { t } = useTranslation();
  const [, logout] = useMutation(LogoutDocument);

  const signOut = async () => {
    // Even if the server cannot be reached, this tab forgets the session.
    await logout({}).catch(() => undefined);
    // The signed-in frame then sends to the sign-in page, with a word to say it worked.
    session.signedOut({ byUser: true });
  };

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton>
          <Avatar color="brand" radius="xl" variant="filled" aria-hidden>
            {initials(me.me.user.displayName)}
          </Avatar>
          <VisuallyHidden>{t('user.menu', { name: me.me.user.displayName })}</VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark" className="break">
            {me.me.user.displayName}
          </Text>
          <Text size="xs" c="gray.8" className="break">
            {me.me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void signOut()} color="red.8">
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
