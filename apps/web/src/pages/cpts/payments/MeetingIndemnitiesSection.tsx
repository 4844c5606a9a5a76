import { Alert, Button, List, Select, Stack, Text } from '@mantine/core';
import { IconCalculator } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { FormAlert } from '../../../components/states';
import type { GenerateMeetingIndemnitiesMutation } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime, formatEuros } from '../../../lib/format';
import { formatMinutes } from './labels';
import {
  GenerateMeetingIndemnitiesDocument,
  InstanceMeetingsForIndemnitiesDocument,
  PaymentInstancesDocument,
  PAYMENTS_CONTEXT,
} from './queries';
import '../../../i18n/calls';

type Result = GenerateMeetingIndemnitiesMutation['generateMeetingIndemnities'];

/**
 * The indemnities of a meeting of an instance, once held: the team picks
 * the instance and the meeting; one line per member present or by video,
 * and the list of those left out with why. Run again, it adds only what is
 * missing (attendance corrected since).
 */
export function MeetingIndemnitiesSection() {
  const { t } = useTranslation();
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [{ data: instances }] = useQuery({ query: PaymentInstancesDocument });
  const [{ data: meetings }] = useQuery({
    query: InstanceMeetingsForIndemnitiesDocument,
    variables: { ownerId: instanceId ?? '' },
    pause: !instanceId,
  });
  const [{ fetching }, generate] = useMutation(GenerateMeetingIndemnitiesDocument);
  const now = Date.now();
  const held = (meetings?.meetings ?? []).filter((m) => m.status !== 'CANCELLED' && new Date(m.endsAt).getTime() <= now);

  const run = async () => {
    if (!meetingId) return;
    setError(null);
    setResult(null);
    const res = await generate({ meetingId }, PAYMENTS_CONTEXT);
    if (!res.data) return setError(toAppError(res.error));
    setResult(res.data.generateMeetingIndemnities);
  };

  return (
    <CardSection id="meeting-indemnities" title={t('payments.indemnities.title')} gap="sm">
      <Text size="sm" c="gray.8">
        {t('payments.indemnities.help')}
      </Text>
      <Select
        label={t('payments.indemnities.instance')}
        placeholder={t('payments.indemnities.choose')}
        data={(instances?.governanceInstances ?? []).map((i) => ({ value: i.id, label: i.name }))}
        value={instanceId}
        onChange={(v) => {
          setInstanceId(v);
          setMeetingId(null);
          setResult(null);
        }}
      />
      {instanceId && (
        <Select
          label={t('payments.indemnities.meeting')}
          placeholder={held.length ? t('payments.indemnities.choose') : t('payments.indemnities.noMeeting')}
          data={held.map((m) => ({ value: m.id, label: `${formatDateTime(m.startsAt)} · ${m.title}` }))}
          value={meetingId}
          onChange={(v) => {
            setMeetingId(v);
            setResult(null);
          }}
          disabled={held.length === 0}
        />
      )}
      <FormAlert error={error} />
      <Button leftSection={<IconCalculator size={18} aria-hidden />} disabled={!meetingId} loading={fetching} onClick={() => void run()}>
        {t('payments.indemnities.generate')}
      </Button>
      {result && <IndemnitiesResult result={result} />}
    </CardSection>
  );
}

function IndemnitiesResult({ result }: { result: Result }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <Text size="sm" fw={600}>
        {t('payments.indemnities.done', {
          count: result.created.length,
          amount: formatEuros(result.amountCents),
          length: formatMinutes(result.minutes),
          rate: formatEuros(result.hourlyRateCents),
        })}
      </Text>
      {result.created.some((c) => c.warning) && (
        <Alert color="orange" variant="light">
          <List size="sm">{result.created.flatMap((c) => (c.warning ? [<List.Item key={c.line.id}>{c.warning}</List.Item>] : []))}</List>
        </Alert>
      )}
      {result.skipped.length > 0 && (
        <>
          <Text size="sm">{t('payments.indemnities.skipped', { count: result.skipped.length })}</Text>
          <List size="sm">
            {result.skipped.map((s) => (
              <List.Item key={s.professionalId}>
                <Text size="sm" span fw={600}>
                  {t(`payments.indemnities.reason.${s.reason}`)}
                </Text>
                {' — '}
                <Text size="sm" span style={{ overflowWrap: 'anywhere' }}>
                  {s.message}
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}
