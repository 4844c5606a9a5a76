import { Alert, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import { graphql } from '../../../gql';
import { toAppError, type AppError } from '../../../lib/errors';
import { eurosToCents } from './labels';
import { MEMBERSHIP_CONTEXT } from './membership-context';

const OpenMembershipYearDocument = graphql(`
  mutation OpenMembershipYear($year: Int!, $defaultFeeCents: Int!) {
    openMembershipYear(year: $year, defaultFeeCents: $defaultFeeCents) {
      created
      year {
        year
        defaultFeeCents
        openedAt
        membershipCount
      }
    }
  }
`);

export function OpenYearModal({
  opened,
  year,
  suggestedFeeCents,
  onClose,
  onDone,
}: {
  opened: boolean;
  year: number;
  suggestedFeeCents: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [fee, setFee] = useState((suggestedFeeCents / 100).toFixed(2).replace('.', ','));
  const [failure, setFailure] = useState<AppError | null>(null);
  const [state, open] = useMutation(OpenMembershipYearDocument);
  const cents = eurosToCents(fee);
  const submit = async () => {
    if (cents === null) return;
    const res = await open({ year, defaultFeeCents: cents }, MEMBERSHIP_CONTEXT);
    if (res.error) return setFailure(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('memberships.openedDone', { year, count: res.data?.openMembershipYear.created ?? 0 }) });
    onDone();
  };
  return (
    <ConfirmModal
      opened={opened}
      onClose={onClose}
      title={t('memberships.openYear', { year })}
      action={{ label: t('memberships.openConfirm', { year }), loading: state.fetching, disabled: cents === null, onClick: submit }}
    >
      <Text size="sm">{t('memberships.openExplain', { year, previous: year - 1 })}</Text>
      <Alert color="blue" variant="light">
        <Text size="sm">{t('memberships.openAgain')}</Text>
      </Alert>
      <TextInput
        label={t('memberships.defaultFee')}
        description={t('memberships.feeHelp')}
        value={fee}
        onChange={(e) => setFee(e.currentTarget.value)}
        inputMode="decimal"
        rightSection="€"
        error={cents === null ? t('memberships.feeInvalid') : failure?.fields.defaultFeeCents}
      />
      <FormAlert error={failure} />
    </ConfirmModal>
  );
}
