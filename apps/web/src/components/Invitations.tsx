import { ActionIcon, Badge, Button, Card, Group, Modal, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailForward, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import type { AppError } from '../lib/errors';
import { formatDate, formatDateTime } from '../lib/format';
import { roleLabel } from './roles';
import type { CombinedError } from 'urql';
import { toAppError } from '../lib/errors';
import { DialogButtons } from './ConfirmModal';
import { EmailInput } from './EmailInput';
import { ErrorState, FormAlert, LoadingState } from './states';
import { TableHead } from './TableHead';

/** What the invitation lists show: the team pages' queries select it. */
const InvitationRowFields = graphql(`
  fragment InvitationRowFields on Invitation {
    id
    email
    role
    createdAt
    expiresAt
    acceptedAt
    revokedAt
    invitedByName
    mailState
    mailError
  }
`);
void InvitationRowFields;

// Stable across renders: a new context object would start the query again, forever.
export const INVITATION_CONTEXT = { additionalTypenames: ['Invitation'] };

export interface InvitationRow {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  acceptedAt?: string | null;
  revokedAt?: string | null;
  invitedByName?: string | null;
  mailState?: string | null;
  mailError?: string | null;
}

type Status = 'accepted' | 'revoked' | 'expired' | 'pending';

function statusOf(inv: InvitationRow): Status {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  if (new Date(inv.expiresAt).getTime() < Date.now()) return 'expired';
  return 'pending';
}

const statusColor: Record<Status, string> = { accepted: 'teal', revoked: 'gray', expired: 'orange', pending: 'brand' };

function StatusBadges({ inv }: { inv: InvitationRow }) {
  const { t } = useTranslation();
  const status = statusOf(inv);
  const mail = inv.mailState ?? 'pending';
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={statusColor[status]}>{t(`invitations.status.${status}`)}</Badge>
      {status === 'pending' && (
        <Tooltip label={inv.mailError ?? ''} disabled={!inv.mailError} multiline w={260}>
          <Badge color={mail === 'failed' ? 'red' : mail === 'sent' ? 'teal' : 'gray'} variant="outline" tabIndex={inv.mailError ? 0 : undefined}>
            {t(`invitations.mail.${mail === 'failed' || mail === 'sent' ? mail : 'pending'}`)}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}

/** Invitations sent, with what became of them and of their email. */
export function InvitationsList({ invitations, onRevoke, revoking }: { invitations: InvitationRow[]; onRevoke?: (inv: InvitationRow) => void; revoking?: string | null }) {
  const { t } = useTranslation();
  const revokeButton = (inv: InvitationRow) =>
    onRevoke && statusOf(inv) === 'pending' ? (
      <Tooltip label={t('invitations.revoke')}>
        <ActionIcon variant="subtle" color="red.8" onClick={() => onRevoke(inv)} loading={revoking === inv.id} aria-label={t('invitations.revokeFor', { email: inv.email })}>
          <IconTrash size={18} />
        </ActionIcon>
      </Tooltip>
    ) : null;
  return (
    <>
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table verticalSpacing="sm" highlightOnHover>
          <TableHead labels={[t('fields.email'), t('fields.role'), t('invitations.sent'), t('invitations.state')]} actions />
          <Table.Tbody>
            {invitations.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td className="break">{inv.email}</Table.Td>
                <Table.Td>{roleLabel(inv.role)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDateTime(inv.createdAt)}</Text>
                  {inv.invitedByName && (
                    <Text size="xs" c="gray.8">
                      {t('invitations.by', { name: inv.invitedByName })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <StatusBadges inv={inv} />
                </Table.Td>
                <Table.Td>{revokeButton(inv)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="sm">
        {invitations.map((inv) => (
          <Card key={inv.id} withBorder padding="sm">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" className="break">
                  {inv.email}
                </Text>
                <Text size="xs" c="gray.8">
                  {roleLabel(inv.role)} · {t('invitations.sentOn', { date: formatDate(inv.createdAt) })}
                </Text>
                <StatusBadges inv={inv} />
              </Stack>
              {revokeButton(inv)}
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  );
}

/** The invitations of a team page: loading, error with retry, empty, or the list. */
export function InvitationsSection({
  id,
  invitations,
  error,
  onRetry,
  onRevoke,
  revoking,
}: {
  id: string;
  invitations: InvitationRow[] | undefined;
  error: CombinedError | undefined;
  onRetry: () => void;
  onRevoke: (inv: InvitationRow) => void;
  revoking: string | null;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {t('invitations.title')}
      </Title>
      {error && !invitations ? (
        <ErrorState error={toAppError(error)} onRetry={onRetry} />
      ) : !invitations ? (
        <LoadingState rows={2} />
      ) : invitations.length === 0 ? (
        <Text c="gray.8">{t('invitations.none')}</Text>
      ) : (
        <InvitationsList invitations={invitations} onRevoke={onRevoke} revoking={revoking} />
      )}
    </section>
  );
}

/** What a mutation answers, as far as the invitation helpers look at it. */
type MutationOutcome = { data?: unknown; error?: CombinedError };

/**
 * The invite dialog's state: each opening starts a fresh form (a new `key`
 * for InviteModal) without the last error.
 */
export function useInviteDialog() {
  const [opened, setOpened] = useState(false);
  const [key, setKey] = useState(0);
  const [error, setError] = useState<AppError | null>(null);
  return {
    key,
    /** InviteModal's state props. */
    modalProps: { opened, onClose: () => setOpened(false), error },
    open: () => {
      setError(null);
      setKey((k) => k + 1);
      setOpened(true);
    },
    /** Sends the invitation: when it went, closes the dialog and calls `onSent`; when not, the dialog shows why. */
    send: async (run: () => Promise<MutationOutcome>, onSent: () => void) => {
      setError(null);
      const result = await run();
      if (result.data) {
        setOpened(false);
        onSent();
      } else setError(toAppError(result.error));
    },
  };
}

/** The page's button that opens the invite dialog. */
export function InviteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button leftSection={<IconMailForward size={18} />} onClick={onClick}>
      {label}
    </Button>
  );
}

/**
 * What a team page says and does after an invitation changed: one sent, or
 * one revoked (`revoking` is the one on its way); the list is read again.
 */
export function useInvitationChanges(revoke: (variables: { id: string }) => Promise<MutationOutcome>, reload: () => void) {
  const { t } = useTranslation();
  const [revoking, setRevoking] = useState<string | null>(null);
  const revokeOne = async (inv: InvitationRow) => {
    setRevoking(inv.id);
    const result = await revoke({ id: inv.id });
    setRevoking(null);
    if (result.error) notifications.show({ color: 'red', message: toAppError(result.error)?.message });
    else {
      notifications.show({ color: 'teal', message: t('invitations.revoked', { email: inv.email }) });
      reload();
    }
  };
  return {
    /** InvitationsSection's action props. */
    sectionProps: { onRetry: reload, onRevoke: (inv: InvitationRow) => void revokeOne(inv), revoking },
    sent: (email: string) => {
      notifications.show({ color: 'teal', title: t('invitations.sentTitle'), message: t('invitations.sentTo', { email }) });
      reload();
    },
  };
}

/** A small form in a dialog: an address, and a role when there is a choice. */
export function InviteModal({
  opened,
  onClose,
  title,
  intro,
  roles,
  defaultRole,
  submitting,
  error,
  onSubmit,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  intro?: string;
  roles?: Role[];
  defaultRole?: Role;
  submitting: boolean;
  error: AppError | null;
  onSubmit: (email: string, role: Role | null) => void;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(defaultRole ?? roles?.[0] ?? null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(email.trim(), role);
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered fullScreen={false} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {intro && (
            <Text size="sm" c="gray.8">
              {intro}
            </Text>
          )}
          <FormAlert error={error && !error.fields.email && !error.fields.role ? error : null} />
          <EmailInput autoComplete="off" value={email} onChange={setEmail} error={error?.fields.email} data-autofocus />
          {roles && roles.length > 1 && (
            <Select
              label={t('fields.role')}
              data={roles.map((r) => ({ value: r, label: roleLabel(r) }))}
              value={role}
              onChange={(v) => setRole(v as Role | null)}
              allowDeselect={false}
              error={error?.fields.role}
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <DialogButtons onCancel={onClose} action={{ label: t('invitations.send'), loading: submitting, leftSection: <IconMailForward size={18} /> }} />
        </Stack>
      </form>
    </Modal>
  );
}
