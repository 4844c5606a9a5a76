import { Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { TableHead } from '../../../components/TableHead';
import { graphql } from '../../../gql';
import type { ConsentMethod, ConsentPurpose, PersonConsentsQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate, formatDateTime } from '../../../lib/format';
import { PersonSection } from './PersonSection';

const PersonConsentsDocument = graphql(`
  query PersonConsents($id: ID!) {
    professional(id: $id) {
      id
      erasedAt
      consents {
        purpose
        status
        allowed
        basis
        reason
        lastEvent {
          id
          action
          method
          wordingVersion
          at
        }
      }
      consentEvents {
        id
        purpose
        action
        method
        wordingVersion
        note
        at
        recordedByName
      }
    }
    consentWordings {
      version
      purpose
      text
      current
    }
  }
`);

const GiveConsentDocument = graphql(`
  mutation GiveConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!, $wordingVersion: String!, $note: String) {
    giveConsent(professionalId: $professionalId, purpose: $purpose, method: $method, wordingVersion: $wordingVersion, note: $note) {
      id
    }
  }
`);

const WithdrawConsentDocument = graphql(`
  mutation WithdrawConsent($professionalId: ID!, $purpose: ConsentPurpose!, $method: ConsentMethod!) {
    withdrawConsent(professionalId: $professionalId, purpose: $purpose, method: $method) {
      id
    }
  }
`);

type Consent = PersonConsentsQuery['professional']['consents'][number];
type Wording = PersonConsentsQuery['consentWordings'][number];
const GIVING_METHODS: ConsentMethod[] = ['FORM', 'PAPER', 'REQUEST', 'IMPORT'];

/**
 * Consents per purpose: what the rule allows (consent, or the work address
 * with a free opt-out in every message), the proof, a modal to record a
 * consent with the exact wording shown, and one click to withdraw.
 */
export function ConsentsSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PersonConsentsDocument, variables: { id: professionalId }, requestPolicy: 'cache-and-network' });
  const [{ fetching: withdrawing }, withdraw] = useMutation(WithdrawConsentDocument);
  const [giving, setGiving] = useState<ConsentPurpose | null>(null);
  const [showProof, setShowProof] = useState(false);

  const doWithdraw = async (c: Consent) => {
    // The staff record what the person asked for: the method is their request.
    const result = await withdraw({ professionalId, purpose: c.purpose, method: 'REQUEST' });
    if (result.data) notifications.show({ color: 'teal', message: t('consents.withdrawn', { purpose: t(`consents.purpose.${c.purpose}`) }) });
    else notifications.show({ color: 'red', message: toAppError(result.error)?.message });
  };

  const p = data?.professional;
  return (
    <PersonSection
      title={t('consents.title')}
      actions={
        p && !p.erasedAt ? (
          <Button size="xs" variant="default" onClick={() => setGiving('PRO_NEWSLETTER')}>
            {t('consents.record')}
          </Button>
        ) : undefined
      }
    >
      {!data && error && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <LoadingState rows={2} />}
      {p && (
        <Stack gap="xs">
          {p.consents.map((c) => (
            <Paper key={c.purpose} withBorder p="sm" radius="sm" data-purpose={c.purpose}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {t(`consents.purpose.${c.purpose}`)}
                    </Text>
                    <Badge color={c.allowed ? 'teal' : 'gray'} variant="light" leftSection={c.allowed ? <IconCheck size={12} /> : <IconX size={12} />}>
                      {c.allowed ? t('consents.allowed') : t('consents.notAllowed')}
                    </Badge>
                  </Group>
                  <Text size="sm" c="gray.8">
                    {statusLine(c, t)}
                  </Text>
                </div>
                {!p.erasedAt && (
                  <Group gap="xs">
                    {c.status !== 'GIVEN' && (
                      <Button size="xs" variant="light" onClick={() => setGiving(c.purpose)}>
                        {t('consents.give')}
                      </Button>
                    )}
                    {(c.status === 'GIVEN' || c.basis === 'WORK_ADDRESS_OPT_OUT') && (
                      <Button
                        size="xs"
                        variant="default"
                        c="red.9"
                        loading={withdrawing}
                        onClick={() => void doWithdraw(c)}
                        aria-label={`${c.status === 'GIVEN' ? t('consents.withdraw') : t('consents.object')} : ${t(`consents.purpose.${c.purpose}`)}`}
                      >
                        {c.status === 'GIVEN' ? t('consents.withdraw') : t('consents.object')}
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
            </Paper>
          ))}
          {p.consentEvents.length > 0 && (
            <Button variant="subtle" size="xs" onClick={() => setShowProof((s) => !s)} aria-expanded={showProof} style={{ alignSelf: 'flex-start' }}>
              {showProof ? t('consents.hideProof') : t('consents.showProof', { count: p.consentEvents.length })}
            </Button>
          )}
          {showProof && (
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" striped>
                <TableHead labels={[t('consents.proofAt'), t('consents.proofPurpose'), t('consents.proofAction'), t('consents.proofMethod'), t('consents.proofWording'), t('consents.proofBy')]} />
                <Table.Tbody>
                  {p.consentEvents.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td>{formatDateTime(e.at)}</Table.Td>
                      <Table.Td>{t(`consents.purpose.${e.purpose}`)}</Table.Td>
                      <Table.Td>{t(`consents.action.${e.action}`)}</Table.Td>
                      <Table.Td>{t(`consents.method.${e.method}`)}</Table.Td>
                      <Table.Td>{e.wordingVersion ?? '—'}</Table.Td>
                      <Table.Td>{e.recordedByName ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
      {data && giving && (
        <GiveConsentModal professionalId={professionalId} purpose={giving} wordings={data.consentWordings} onClose={() => setGiving(null)} />
      )}
    </PersonSection>
  );
}

/** The line the staff read for one purpose: the basis the rule gives, with the proof's date and method. */
function statusLine(c: Consent, t: (key: string, options?: Record<string, unknown>) => string): string {
  const e = c.lastEvent;
  if (c.status === 'WITHDRAWN' && e) return t('consents.line.withdrawn', { date: formatDate(e.at), method: t(`consents.method.${e.method}`) });
  const given = c.status === 'GIVEN' && e ? t('consents.line.given', { date: formatDate(e.at), method: t(`consents.method.${e.method}`), version: e.wordingVersion }) : null;
  if (c.reason === 'NO_EMAIL') return given ? `${given} ${t('consents.line.noEmail')}` : t('consents.line.noEmail');
  if (given) return given;
  if (c.basis === 'WORK_ADDRESS_OPT_OUT') return t('consents.line.workAddress');
  return c.purpose === 'PUBLIC_LISTING' ? t('consents.line.notListed') : t('consents.line.noConsent');
}

function GiveConsentModal({ professionalId, purpose: initial, wordings, onClose }: { professionalId: string; purpose: ConsentPurpose; wordings: Wording[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [purpose, setPurpose] = useState<ConsentPurpose>(initial);
  const current = (p: ConsentPurpose) => wordings.find((w) => w.purpose === p && w.current)?.version ?? '';
  const [version, setVersion] = useState(current(initial));
  const [method, setMethod] = useState<ConsentMethod>('FORM');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, give] = useMutation(GiveConsentDocument);
  const wording = wordings.find((w) => w.version === version);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await give({ professionalId, purpose, method, wordingVersion: version, note: note.trim() || null });
    if (result.data) {
      notifications.show({ color: 'teal', message: t('consents.given', { purpose: t(`consents.purpose.${purpose}`) }) });
      onClose();
    } else setError(toAppError(result.error));
  };

  return (
    <Modal opened onClose={onClose} title={t('consents.modalTitle')} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <FormAlert error={error && !Object.keys(error.fields).length ? error : null} />
          <Select
            label={t('consents.purposeLabel')}
            data={(['PRO_NEWSLETTER', 'PUBLIC_NEWSLETTER', 'EVENT_INVITATIONS', 'PUBLIC_LISTING'] as ConsentPurpose[]).map((p) => ({ value: p, label: t(`consents.purpose.${p}`) }))}
            value={purpose}
            onChange={(v) => {
              if (!v) return;
              setPurpose(v as ConsentPurpose);
              setVersion(current(v as ConsentPurpose));
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('consents.methodLabel')}
            data={GIVING_METHODS.map((m) => ({ value: m, label: t(`consents.method.${m}`) }))}
            value={method}
            onChange={(v) => v && setMethod(v as ConsentMethod)}
            allowDeselect={false}
            error={error?.fields.method}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('consents.versionLabel')}
            description={t('consents.versionHelp')}
            data={wordings.filter((w) => w.purpose === purpose).map((w) => ({ value: w.version, label: w.current ? t('consents.versionCurrent', { version: w.version }) : w.version }))}
            value={version}
            onChange={(v) => v && setVersion(v)}
            allowDeselect={false}
            error={error?.fields.wordingVersion}
            comboboxProps={{ withinPortal: true }}
          />
          {wording && (
            <Paper withBorder p="sm" bg="gray.0" aria-label={t('consents.wordingShown')}>
              <Text size="xs" c="gray.7" fw={600}>
                {t('consents.wordingShown')}
              </Text>
              <Text size="sm" data-testid="consent-wording">
                « {wording.text} »
              </Text>
            </Paper>
          )}
          <Textarea label={t('consents.noteLabel')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} error={error?.fields.note} />
          <DialogButtons onCancel={onClose} action={{ label: t('consents.submit'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}
