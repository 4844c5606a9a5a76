import { ActionIcon, Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import { graphql } from '../../../gql';
import type { MembershipCollege, MembershipStatus, PaymentMeans, PersonMembershipsQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDay, formatEuros } from '../../../lib/format';
import { COLLEGES, currentYear, eurosToCents, MEANS, STATUSES, today } from '../memberships/labels';
import { StatusBadge } from '../memberships/StatusBadge';
import { PersonSection } from './PersonSection';

// A line of the section: read with the person, answered by a save.
const PersonMembershipFields = graphql(`
  fragment PersonMembershipFields on Membership {
    id
    year
    status
    feeCents
    paidOn
    paymentMeans
    college
    note
  }
`);
void PersonMembershipFields;

const PersonMembershipsDocument = graphql(`
  query PersonMemberships($id: ID!) {
    professional(id: $id) {
      id
      archivedAt
      memberships {
        ...PersonMembershipFields
      }
    }
  }
`);

const SaveMembershipDocument = graphql(`
  mutation SaveMembership($input: MembershipInput!) {
    saveMembership(input: $input) {
      ...PersonMembershipFields
      professional {
        id
        involvementLevel
      }
    }
  }
`);

const DeleteMembershipDocument = graphql(`
  mutation DeleteMembership($id: ID!) {
    deleteMembership(id: $id)
  }
`);

// Stable across renders: a first membership refreshes the section even when it showed none.
const MEMBERSHIP_CONTEXT = { additionalTypenames: ['Membership'] };
// A deletion answers a mere true: the person's page (history, involvement) is refreshed by name.
const DELETE_CONTEXT = { additionalTypenames: ['Membership', 'Professional'] };
type Membership = PersonMembershipsQuery['professional']['memberships'][number];

/** The person's memberships, one line per year, added and changed in a form. */
export function MembershipsSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PersonMembershipsDocument, variables: { id: professionalId }, context: MEMBERSHIP_CONTEXT });
  const [editing, setEditing] = useState<Membership | 'new' | null>(null);
  const memberships = data?.professional.memberships ?? [];
  return (
    <PersonSection
      title={t('memberships.sectionTitle')}
      actions={
        data &&
        !data.professional.archivedAt && (
          <Button size="sm" variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('memberships.add')}
          </Button>
        )
      }
    >
      {!data && error && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <LoadingState rows={1} />}
      {data && memberships.length === 0 && <Text size="sm">{t('memberships.none')}</Text>}
      {memberships.length > 0 && (
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing="xs">
            <TableHead labels={[t('memberships.year'), t('memberships.statusLabel'), t('memberships.fee'), t('memberships.college')]} actions />
            <Table.Tbody>
              {memberships.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td fw={700}>{m.year}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{payment(m, t)}</Text>
                    {m.note && (
                      <Text size="xs" c="gray.7">
                        {m.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`memberships.colleges.${m.college}`)}</Table.Td>
                  <Table.Td ta="right">
                    <ActionIcon variant="subtle" color="gray.8" aria-label={t('memberships.editYear', { year: m.year })} onClick={() => setEditing(m)}>
                      <IconPencil size={18} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <MembershipFormModal
          professionalId={professionalId}
          membership={editing === 'new' ? null : editing}
          // A new membership: the year after the newest one, within what the server accepts; the same college.
          suggestedYear={Math.min(currentYear() + 1, Math.max(currentYear(), (memberships[0]?.year ?? 0) + 1))}
          suggestedCollege={memberships[0]?.college ?? 'LIBERAL'}
          onClose={() => setEditing(null)}
        />
      )}
    </PersonSection>
  );
}

/** "20,00 € · réglés le 12 janvier 2026 par chèque", "Gratuite", "20,00 € · non réglés". */
function payment(m: Membership, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (m.feeCents === 0) return t('memberships.free');
  if (!m.paidOn) return t('memberships.unpaid', { fee: formatEuros(m.feeCents) });
  return t('memberships.paid', { fee: formatEuros(m.feeCents), date: formatDay(m.paidOn), means: m.paymentMeans ? t(`memberships.means.${m.paymentMeans}`) : '' });
}

interface FormState {
  year: string;
  status: MembershipStatus;
  fee: string;
  paidOn: string;
  paymentMeans: PaymentMeans | null;
  college: MembershipCollege;
  note: string;
}

function MembershipFormModal({
  professionalId,
  membership,
  suggestedYear,
  suggestedCollege,
  onClose,
}: {
  professionalId: string;
  membership: Membership | null;
  suggestedYear: number;
  suggestedCollege: MembershipCollege;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() =>
    membership
      ? {
          year: String(membership.year),
          status: membership.status,
          fee: (membership.feeCents / 100).toFixed(2).replace('.', ','),
          paidOn: membership.paidOn ?? '',
          paymentMeans: membership.paymentMeans ?? null,
          college: membership.college,
          note: membership.note ?? '',
        }
      : { year: String(suggestedYear), status: 'ACTIVE', fee: '0,00', paidOn: '', paymentMeans: null, college: suggestedCollege, note: '' },
  );
  const [failure, setFailure] = useState<AppError | null>(null);
  const [state, save] = useMutation(SaveMembershipDocument);
  const [deletion, runDelete] = useMutation(DeleteMembershipDocument);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const cents = eurosToCents(form.fee);
  const free = cents === 0;
  const change = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const years = Array.from({ length: 8 }, (_, i) => String(currentYear() + 1 - i));
  if (!years.includes(form.year)) years.push(form.year);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (cents === null) return;
    const res = await save(
      {
        input: {
          id: membership?.id ?? null,
          professionalId,
          year: Number(form.year),
          status: form.status,
          feeCents: cents,
          // A free membership has no payment: what was typed before switching to 0 is not sent.
          paidOn: free ? null : form.paidOn || null,
          paymentMeans: free ? null : form.paymentMeans,
          college: form.college,
          note: form.note,
        },
      },
      MEMBERSHIP_CONTEXT,
    );
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('memberships.saved', { year: form.year }) });
    onClose();
  };
  const fieldError = (name: string) => failure?.fields[name];
  const remove = async () => {
    if (!membership) return;
    const res = await runDelete({ id: membership.id }, DELETE_CONTEXT);
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('memberships.deleted', { year: membership.year }) });
    onClose();
  };

  return (
    <Modal opened onClose={onClose} title={membership ? t('memberships.editTitle', { year: membership.year }) : t('memberships.addTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('memberships.year')} data={years} value={form.year} onChange={(v) => v && change('year', v)} allowDeselect={false} error={fieldError('year')} required />
            <Select
              label={t('memberships.statusLabel')}
              data={STATUSES.map((s) => ({ value: s, label: t(`memberships.status.${s}`) }))}
              value={form.status}
              onChange={(v) => v && change('status', v as MembershipStatus)}
              allowDeselect={false}
              error={fieldError('status')}
              required
            />
            <TextInput
              label={t('memberships.feeEuros')}
              description={t('memberships.feeHelp')}
              value={form.fee}
              onChange={(e) => change('fee', e.currentTarget.value)}
              inputMode="decimal"
              rightSection="€"
              error={cents === null ? t('memberships.feeInvalid') : fieldError('feeCents')}
              required
            />
            <Select
              label={t('memberships.college')}
              description={t('memberships.collegeHelp')}
              data={COLLEGES.map((c) => ({ value: c, label: t(`memberships.colleges.${c}`) }))}
              value={form.college}
              onChange={(v) => v && change('college', v as MembershipCollege)}
              allowDeselect={false}
              error={fieldError('college')}
              required
            />
            {!free && (
              <>
                <TextInput type="date" label={t('memberships.paidOn')} value={form.paidOn} max={today()} onChange={(e) => change('paidOn', e.currentTarget.value)} error={fieldError('paidOn')} />
                <Select
                  label={t('memberships.paymentMeans')}
                  data={MEANS.map((m) => ({ value: m, label: t(`memberships.meansLabel.${m}`) }))}
                  value={form.paymentMeans}
                  onChange={(v) => change('paymentMeans', v as PaymentMeans | null)}
                  clearable
                  error={fieldError('paymentMeans')}
                />
              </>
            )}
          </SimpleGrid>
          {!free && form.status === 'ACTIVE' && (
            <Text size="xs" c="gray.7">
              {t('memberships.paymentRule')}
            </Text>
          )}
          <Textarea label={t('memberships.note')} value={form.note} onChange={(e) => change('note', e.currentTarget.value)} autosize minRows={2} maxLength={1000} error={fieldError('note')} />
          <FormAlert error={failure} />
          {confirmingDelete && membership && (
            <Alert color="red" variant="light" role="alert">
              <Text size="sm">{t('memberships.deleteExplain', { year: membership.year })}</Text>
              <Group justify="flex-end" mt="sm">
                <Button variant="default" size="sm" onClick={() => setConfirmingDelete(false)}>
                  {t('common.cancel')}
                </Button>
                <Button color="red" size="sm" loading={deletion.fetching} onClick={remove}>
                  {t('memberships.deleteConfirm')}
                </Button>
              </Group>
            </Alert>
          )}
          <Group justify="space-between">
            {membership && !confirmingDelete ? (
              <Button variant="subtle" color="red.9" leftSection={<IconTrash size={16} />} onClick={() => setConfirmingDelete(true)}>
                {t('memberships.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={state.fetching} disabled={cents === null || confirmingDelete}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
