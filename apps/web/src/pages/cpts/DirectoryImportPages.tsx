import { Alert, Anchor, Badge, Box, Button, Card, Checkbox, FileInput, Group, List, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { IconAlertTriangle, IconCheck, IconFileImport, IconHistory, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { notifications } from '@mantine/notifications';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, ErrorState, FormAlert, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import type { ConflictChoice, DirectoryImportQuery, DirectoryImportStatus } from '../../gql/graphql';
import { toAppError, type AppError } from '../../lib/errors';
import { formatDateTime, formatNumber } from '../../lib/format';
import { uploadFile } from '../../lib/upload';

const DirectoryImportsDocument = graphql(`
  query DirectoryImports {
    directoryImports(first: 10) {
      id
      fileName
      status
      createdAt
      created
      updated
      rejected
      conflicts
    }
  }
`);

const DirectoryImportDocument = graphql(`
  query DirectoryImport($id: ID!) {
    directoryImport(id: $id) {
      id
      fileName
      fileBytes
      extractedAt
      status
      bytesRead
      linesRead
      kept
      created
      updated
      unchanged
      rejected
      conflicts
      errorMessage
      createdAt
      finishedAt
      olderConfirmation {
        confirmedByName
        confirmedAt
        summary
      }
      issues(first: 200) {
        seq
        kind
        line
        reason
        professionalId
        professionalName
        siteName
        field
        currentValue
        importedValue
        resolution
      }
    }
  }
`);

const DirectoryImportCheckDocument = graphql(`
  query DirectoryImportCheck($fileName: String!) {
    directoryImportCheck(fileName: $fileName) {
      extractedAt
      olderWarning
    }
  }
`);

const ResolveImportConflictDocument = graphql(`
  mutation ResolveImportConflict($importId: ID!, $seq: Int!, $keep: ConflictChoice!) {
    resolveImportConflict(importId: $importId, seq: $seq, keep: $keep) {
      seq
      resolution
    }
  }
`);

const ResolvePersonImportConflictsDocument = graphql(`
  mutation ResolvePersonImportConflicts($importId: ID!, $professionalId: ID!, $keep: ConflictChoice!) {
    resolvePersonImportConflicts(importId: $importId, professionalId: $professionalId, keep: $keep) {
      seq
      resolution
    }
  }
`);

const IMPORTS_CONTEXT = { additionalTypenames: ['DirectoryImport'] };
const running = (status: DirectoryImportStatus) => status === 'UPLOADING' || status === 'QUEUED' || status === 'RUNNING';

function StatusBadge({ status }: { status: DirectoryImportStatus }) {
  const { t } = useTranslation();
  const color = { UPLOADING: 'gray', QUEUED: 'gray', RUNNING: 'blue', DONE: 'green', FAILED: 'red' }[status];
  return (
    <Badge color={color} variant="light">
      {t(`import.status.${status}`)}
    </Badge>
  );
}

/** Sending the extraction file, and the latest imports. */
export function DirectoryImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ sent: number; total: number } | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  // An extraction older than the last one imported: the warning, and whether the staff confirmed it.
  const [older, setOlder] = useState<string | null>(null);
  const [olderConfirmed, setOlderConfirmed] = useState(false);
  const [{ data, error: listError }, refetch] = useQuery({ query: DirectoryImportsDocument, context: IMPORTS_CONTEXT, requestPolicy: 'cache-and-network' });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!file) {
      setError({ code: 'BAD_USER_INPUT', message: t('import.chooseFile'), fields: { file: t('import.chooseFile') } });
      return;
    }
    // Asked before sending hundreds of megabytes: an import under way, or an older extraction to confirm.
    setChecking(true);
    const check = await client.query(DirectoryImportCheckDocument, { fileName: file.name }, { requestPolicy: 'network-only' }).toPromise();
    setChecking(false);
    if (!check.data) {
      setError(toAppError(check.error));
      return;
    }
    const warning = check.data.directoryImportCheck.olderWarning ?? null;
    setOlder(warning);
    if (warning && !olderConfirmed) return;
    setSent({ sent: 0, total: file.size });
    const headers: Record<string, string> = warning ? { 'x-confirm-older-extraction': 'yes' } : {};
    const result = await uploadFile<{ directoryImport: { id: string } }>('/api/directory/imports', file, (s, total) => setSent({ sent: s, total }), headers);
    setSent(null);
    if ('error' in result) {
      if (result.error.fields.confirmOlder) {
        // A newer extraction was imported between the check and the upload.
        setOlder(result.error.fields.confirmOlder);
        setOlderConfirmed(false);
      } else setError(result.error);
    } else navigate(`/annuaire/import/${result.data.directoryImport.id}`);
  };

  return (
    <>
      <PageHeader title={t('import.title')} crumbs={[{ label: t('directory.title'), to: '/annuaire' }, { label: t('import.crumb') }]} />
      <Card withBorder padding="lg" radius="md" mb="lg" component="form" onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text>{t('import.intro')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('import.step1')}</List.Item>
            <List.Item>{t('import.step2')}</List.Item>
            <List.Item>{t('import.step3')}</List.Item>
          </List>
          <FormAlert error={error && !error.fields.file ? error : null} />
          <FileInput
            label={t('import.fileLabel')}
            description={t('import.fileHelp')}
            placeholder={t('import.filePlaceholder')}
            accept=".txt,.zip"
            value={file}
            onChange={(f) => {
              setFile(f);
              setError(null);
              setOlder(null);
              setOlderConfirmed(false);
            }}
            leftSection={<IconFileImport size={18} />}
            error={error?.fields.file}
            clearable
            clearButtonProps={{ 'aria-label': t('import.clearFile') }}
          />
          {older && (
            <Alert color="yellow" variant="light" icon={<IconHistory size={18} />} title={t('import.olderTitle')}>
              <Stack gap="xs">
                <Text size="sm">{older}</Text>
                <Checkbox label={t('import.olderConfirm')} checked={olderConfirmed} onChange={(e) => setOlderConfirmed(e.currentTarget.checked)} />
              </Stack>
            </Alert>
          )}
          {sent && (
            <Stack gap={4}>
              <Progress value={sent.total ? (100 * sent.sent) / sent.total : 0} aria-label={t('import.uploading')} />
              <Text size="sm" c="gray.8">
                {t('import.uploadProgress', { sent: formatMegabytes(sent.sent), total: formatMegabytes(sent.total) })}
              </Text>
            </Stack>
          )}
          <Group>
            <Button type="submit" leftSection={<IconUpload size={18} />} loading={!!sent || checking}>
              {t('import.submit')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Title order={2} size="h4" mb="sm">
        {t('import.history')}
      </Title>
      {listError && !data ? (
        <ErrorState error={toAppError(listError)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState rows={3} />
      ) : data.directoryImports.length === 0 ? (
        <EmptyState icon={<IconFileImport size={32} />} title={t('import.noHistory')} />
      ) : (
        <ScrollRegion label={t('import.history')}>
          <Table verticalSpacing="sm" striped miw={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.when')}</Table.Th>
                <Table.Th>{t('import.file')}</Table.Th>
                <Table.Th>{t('import.statusLabel')}</Table.Th>
                <Table.Th>{t('import.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.directoryImports.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/annuaire/import/${i.id}`}>
                      {formatDateTime(i.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>{i.fileName}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={i.status} />
                  </Table.Td>
                  <Table.Td>
                    {i.status === 'DONE'
                      ? t('import.changesSummary', { created: formatNumber(i.created), updated: formatNumber(i.updated), issues: formatNumber(i.rejected + i.conflicts) })
                      : '—'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      )}
    </>
  );
}

/** A table that scrolls sideways on a phone, reachable with the keyboard. */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Box>
  );
}

const formatMegabytes = (bytes: number) => `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10)} Mo`;

type Import = DirectoryImportQuery['directoryImport'];

/** One import: its progress while it runs, then its report. */
export function DirectoryImportReportPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: DirectoryImportDocument, variables: { id: id ?? '' }, requestPolicy: 'network-only', context: IMPORTS_CONTEXT });
  const current = data?.directoryImport;

  // While it runs, ask again every second: the worker writes its progress about that often.
  useEffect(() => {
    if (!current || !running(current.status)) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [current, refetch]);

  const crumbs = [
    { label: t('directory.title'), to: '/annuaire' },
    { label: t('import.crumb'), to: '/annuaire/import' },
    { label: t('import.reportCrumb') },
  ];
  if (error && !current) {
    const appError = toAppError(error);
    return (
      <>
        <PageHeader title={t('import.reportTitle')} crumbs={crumbs} />
        <ErrorState error={appError} onRetry={appError?.code === 'NOT_FOUND' ? undefined : () => refetch({ requestPolicy: 'network-only' })} />
      </>
    );
  }
  if (!current) return <LoadingState rows={4} label={t('import.loading')} />;
  return (
    <>
      <PageHeader title={t('import.reportTitle')} subtitle={current.fileName} crumbs={crumbs} actions={<StatusBadge status={current.status} />} />
      {running(current.status) && <ImportProgress current={current} />}
      {current.status === 'FAILED' && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('import.failedTitle')} role="alert">
          <Text size="sm">{current.errorMessage}</Text>
          <Text size="sm" mt="xs">
            {t('import.nothingChanged')}
          </Text>
        </Alert>
      )}
      {current.status === 'DONE' && <ImportReport current={current} />}
    </>
  );
}

function ImportProgress({ current }: { current: Import }) {
  const { t } = useTranslation();
  const percent = current.fileBytes ? Math.min(100, (100 * current.bytesRead) / current.fileBytes) : 0;
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <Text fw={600}>{t(`import.progressStatus.${current.status}`)}</Text>
        <Progress value={percent} animated aria-label={t('import.progressLabel')} />
        <Text size="sm" c="gray.8" aria-live="polite">
          {t('import.progress', { lines: formatNumber(current.linesRead), kept: formatNumber(current.kept), percent: Math.floor(percent) })}
        </Text>
        <Text size="sm" c="gray.8">
          {t('import.canLeave')}
        </Text>
      </Stack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="md" radius="md">
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {formatNumber(value)}
      </Text>
    </Card>
  );
}

type Issue = Import['issues'][number];
type Choices = Record<number, ConflictChoice | null>;

/** One click per conflict: keep the staff's value, or take the extraction's (then shown as settled). */
function ConflictChoiceCell({ importId, seq, chosen, onChosen }: { importId: string; seq: number; chosen: ConflictChoice | null; onChosen: (keep: ConflictChoice) => void }) {
  const { t } = useTranslation();
  const [{ fetching }, resolve] = useMutation(ResolveImportConflictDocument);
  if (chosen) {
    return (
      <Badge variant="light" color={chosen === 'IMPORTED' ? 'blue' : 'gray'}>
        {t(`import.resolved.${chosen}`)}
      </Badge>
    );
  }
  const choose = async (keep: ConflictChoice) => {
    const result = await resolve({ importId, seq, keep });
    if (result.data) onChosen(result.data.resolveImportConflict.resolution ?? keep);
    else notifications.show({ color: 'red', message: toAppError(result.error)?.message });
  };
  return (
    <Group gap={6} wrap="nowrap">
      <Button size="compact-sm" variant="default" disabled={fetching} onClick={() => void choose('CURRENT')}>
        {t('import.keepCurrent')}
      </Button>
      <Button size="compact-sm" variant="light" disabled={fetching} onClick={() => void choose('IMPORTED')}>
        {t('import.takeImported')}
      </Button>
    </Group>
  );
}

/**
 * One person's conflicts of the report: a choice per field, or one for all
 * of them (all or nothing: when a field cannot be settled, the server says
 * which and nothing is applied; the message stays under the person's name).
 */
function PersonConflicts({ importId, issues }: { importId: string; issues: Issue[] }) {
  const { t } = useTranslation();
  const [{ fetching }, resolveAll] = useMutation(ResolvePersonImportConflictsDocument);
  const [chosen, setChosen] = useState<Choices>(() => Object.fromEntries(issues.map((i) => [i.seq, i.resolution ?? null])));
  const [error, setError] = useState<AppError | null>(null);
  const [first] = issues;
  const open = issues.filter((i) => !chosen[i.seq]);
  const name = first.professionalName ?? '';
  const chooseAll = async (keep: ConflictChoice) => {
    setError(null);
    const result = await resolveAll({ importId, professionalId: first.professionalId as string, keep });
    if (result.data) {
      const settled = result.data.resolvePersonImportConflicts;
      setChosen((c) => ({ ...c, ...Object.fromEntries(settled.map((i) => [i.seq, i.resolution ?? keep])) }));
      notifications.show({ color: 'teal', message: t('import.allDone', { count: settled.length, name }) });
    } else setError(toAppError(result.error));
  };
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={name}>
      <Group justify="space-between" gap="xs" mb="xs" wrap="wrap">
        <Group gap="xs">
          {first.professionalId ? (
            <Anchor component={Link} to={`/annuaire/${first.professionalId}`} fw={600}>
              {name}
            </Anchor>
          ) : (
            <Text fw={600}>{name}</Text>
          )}
          <Badge variant="light" color={open.length > 0 ? 'orange' : 'teal'}>
            {open.length > 0 ? t('import.personConflicts', { count: open.length }) : t('import.personSettled')}
          </Badge>
        </Group>
        {open.length > 0 && first.professionalId && (
          <Group gap={6}>
            <Button size="compact-sm" variant="default" loading={fetching} onClick={() => void chooseAll('CURRENT')}>
              {t('import.keepAllCurrent')}
            </Button>
            <Button size="compact-sm" variant="light" loading={fetching} onClick={() => void chooseAll('IMPORTED')}>
              {t('import.takeAllImported')}
            </Button>
          </Group>
        )}
      </Group>
      {open.length > 1 && (
        <Text size="xs" c="gray.7" mb="xs">
          {t('import.groupHelp')}
        </Text>
      )}
      <FormAlert error={error} />
      <ScrollRegion label={name}>
        <Table verticalSpacing="xs" striped miw={700}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('import.field')}</Table.Th>
              <Table.Th>{t('import.kept')}</Table.Th>
              <Table.Th>{t('import.inExtraction')}</Table.Th>
              <Table.Th>{t('import.choice')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((c) => (
              <Table.Tr key={c.seq}>
                <Table.Td>
                  {t(`import.fields.${c.field}`, { defaultValue: c.field ?? '' })}
                  {c.siteName && (
                    <Text size="xs" c="gray.7">
                      {c.siteName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{c.currentValue ?? '—'}</Table.Td>
                <Table.Td>{c.importedValue ?? '—'}</Table.Td>
                <Table.Td>
                  <ConflictChoiceCell importId={importId} seq={c.seq} chosen={chosen[c.seq] ?? null} onChosen={(keep) => setChosen((x) => ({ ...x, [c.seq]: keep }))} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Card>
  );
}

/** The conflicts of each person together, in the report's order. */
function byPerson(conflicts: Issue[]): Issue[][] {
  const groups = new Map<string, Issue[]>();
  for (const c of conflicts) {
    const key = c.professionalId ?? `seq:${c.seq}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.values()];
}

function ImportReport({ current }: { current: Import }) {
  const { t } = useTranslation();
  const rejected = current.issues.filter((i) => i.kind === 'rejected');
  const conflicts = current.issues.filter((i) => i.kind === 'conflict');
  return (
    <Stack gap="lg">
      <Alert color="green" variant="light" icon={<IconCheck size={18} />} title={t('import.doneTitle')}>
        <Text size="sm">
          {t('import.doneText', {
            count: current.linesRead,
            lines: formatNumber(current.linesRead),
            kept: formatNumber(current.kept),
            extracted: current.extractedAt ? formatDateTime(current.extractedAt) : t('import.unknownDate'),
          })}
        </Text>
        {current.olderConfirmation && (
          <Text size="sm" mt="xs" data-testid="older-confirmation">
            {t('import.olderConfirmed', {
              summary: current.olderConfirmation.summary,
              name: current.olderConfirmation.confirmedByName ?? t('import.someone'),
              date: formatDateTime(current.olderConfirmation.confirmedAt),
            })}
          </Text>
        )}
      </Alert>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }} spacing="sm">
        <Figure label={t('import.created')} value={current.created} />
        <Figure label={t('import.updated')} value={current.updated} />
        <Figure label={t('import.unchanged')} value={current.unchanged} />
        <Figure label={t('import.conflicts')} value={current.conflicts} />
        <Figure label={t('import.rejected')} value={current.rejected} />
      </SimpleGrid>
      {conflicts.length > 0 && (
        <section aria-labelledby="conflicts-title">
          <Title order={2} size="h4" id="conflicts-title">
            {t('import.conflictsTitle')}
          </Title>
          <Text size="sm" c="gray.8" mb="sm">
            {t('import.conflictsHelp')}
          </Text>
          <Stack gap="sm">
            {byPerson(conflicts).map((group) => (
              <PersonConflicts key={group[0].professionalId ?? group[0].seq} importId={current.id} issues={group} />
            ))}
          </Stack>
        </section>
      )}
      {rejected.length > 0 && (
        <section aria-labelledby="rejected-title">
          <Title order={2} size="h4" id="rejected-title" mb="sm">
            {t('import.rejectedTitle')}
          </Title>
          <ScrollRegion label={t('import.rejectedTitle')}>
            <Table verticalSpacing="xs" striped miw={400}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.line')}</Table.Th>
                  <Table.Th>{t('import.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rejected.map((r) => (
                  <Table.Tr key={r.seq}>
                    <Table.Td>{r.line !== null && r.line !== undefined ? formatNumber(r.line) : '—'}</Table.Td>
                    <Table.Td>{r.reason}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollRegion>
          {current.rejected + current.conflicts > current.issues.length && (
            <Text size="sm" c="gray.8" mt="xs">
              {t('import.moreIssues', { count: current.rejected + current.conflicts - current.issues.length })}
            </Text>
          )}
        </section>
      )}
      <Group>
        <Button component={Link} to="/annuaire" variant="default">
          {t('import.backToDirectory')}
        </Button>
      </Group>
    </Stack>
  );
}
