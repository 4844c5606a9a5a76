import { Alert, Button, Code, Group, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { TableHead } from '../../../components/TableHead';
import { ErrorState, LoadingState } from '../../../components/states';
import type { VerifyDecisionAuditQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { DecisionAuditDocument, DECISION_CONTEXT, VerifyDecisionAuditDocument } from './queries-decisions';

const EVENTS = [
  'opened',
  'vote',
  'vote_changed',
  'conflict',
  'proxy_given',
  'proxy_withdrawn',
  'comment',
  'reminder',
  'closed',
  'reopened',
  'published',
];

/**
 * The decision's audit trail, each entry chained to the one before by its
 * hash: what happened, when, by which channel; the people named by their
 * voter row (the chain itself holds ids only). "Vérifier le journal"
 * recomputes the chain on the server and checks the votes against it.
 */
export function DecisionAudit({ decisionId, voterNames }: { decisionId: string; voterNames: Record<string, string> }) {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: DecisionAuditDocument, variables: { id: decisionId }, context: DECISION_CONTEXT });
  const [verifying, setVerifying] = useState(false);
  const [check, setCheck] = useState<VerifyDecisionAuditQuery['verifyDecisionAudit'] | null>(null);
  const [checkError, setCheckError] = useState<AppError | null>(null);

  const verify = async () => {
    setVerifying(true);
    setCheck(null);
    setCheckError(null);
    const result = await client.query(VerifyDecisionAuditDocument, { id: decisionId }, { requestPolicy: 'network-only' }).toPromise();
    setVerifying(false);
    if (result.data) setCheck(result.data.verifyDecisionAudit);
    else setCheckError(toAppError(result.error));
  };

  /** The event in French, with the person it concerns when the entry names one. */
  const describe = (event: string, raw: string) => {
    let details: Record<string, unknown> = {};
    try {
      details = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      details = {};
    }
    const label = EVENTS.includes(event) ? t(`governance.decisions.audit.events.${event}`) : event;
    const voter = typeof details.voter === 'string' ? voterNames[details.voter] : undefined;
    const holder = typeof details.holder === 'string' ? voterNames[details.holder] : undefined;
    if (event === 'proxy_given' && voter && holder) return t('governance.decisions.audit.proxyTo', { label, voter, holder });
    if (event === 'closed' && typeof details.registerNumber === 'string')
      return t('governance.decisions.audit.closedAs', { label, number: details.registerNumber });
    return voter ? `${label} — ${voter}` : label;
  };

  const entries = data?.decision.audit ?? [];
  return (
    <CardSection id="decision-audit" title={t('governance.decisions.audit.title')} gap="sm">
      <Text size="sm" c="gray.8">
        {t('governance.decisions.audit.help')}
      </Text>
      {error && !data ? (
        <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={2} />
      ) : entries.length === 0 ? (
        <Text size="sm">{t('governance.decisions.audit.empty')}</Text>
      ) : (
        <Table.ScrollContainer
          minWidth={640}
          scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('governance.decisions.audit.title') } }}
        >
          <Table verticalSpacing="xs" striped>
            <TableHead
              labels={[
                t('governance.decisions.audit.seq'),
                t('governance.decisions.audit.at'),
                t('governance.decisions.audit.event'),
                t('governance.decisions.audit.channel'),
                t('governance.decisions.audit.hash'),
              ]}
            />
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td>{describe(e.event, e.data)}</Table.Td>
                  <Table.Td>{e.channel ? t(`governance.decisions.channel.${e.channel}`, { defaultValue: e.channel }) : '—'}</Table.Td>
                  <Table.Td>
                    <Code title={e.hash} c="dark.7">
                      {e.hash.slice(0, 12)}
                    </Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Group>
        <Button variant="light" leftSection={<IconShieldCheck size={16} aria-hidden />} loading={verifying} onClick={() => void verify()}>
          {t('governance.decisions.audit.verify')}
        </Button>
      </Group>
      {check &&
        (check.ok ? (
          <Alert color="teal" role="status" icon={<IconShieldCheck size={18} aria-hidden />}>
            <Text size="sm" fw={600}>
              {t('governance.decisions.audit.intact', { count: check.entries })}
            </Text>
          </Alert>
        ) : (
          <Alert
            color="red"
            role="alert"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('governance.decisions.audit.brokenTitle')}
          >
            <Text size="sm" c="red.9">
              {check.problem ?? t('governance.decisions.audit.broken')}
              {check.brokenAt ? ` ${t('governance.decisions.audit.brokenAt', { seq: check.brokenAt })}` : ''}
            </Text>
          </Alert>
        ))}
      {checkError && (
        <Alert color="red" role="alert">
          <Text size="sm">{checkError.message}</Text>
        </Alert>
      )}
    </CardSection>
  );
}
