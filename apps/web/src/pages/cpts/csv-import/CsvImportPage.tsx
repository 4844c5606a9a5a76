import { Alert, Badge, Button, Card, FileInput, Group, Radio, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert } from '../../../components/states';
import { graphql } from '../../../gql';
import type { CsvEmailKind, CsvField, CsvImportReportFieldsFragment, PreviewProfessionalsCsvQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { decodeText } from './decode';

const PreviewDocument = graphql(`
  query PreviewProfessionalsCsv($content: String!) {
    previewProfessionalsCsv(content: $content) {
      columns
      rows
      rowCount
      delimiter
      suggestedMapping {
        column
        field
      }
    }
  }
`);

const ImportDocument = graphql(`
  mutation ImportProfessionalsCsv($content: String!, $mapping: [CsvColumnMappingInput!]!, $dryRun: Boolean!, $emailKind: CsvEmailKind!) {
    importProfessionalsCsv(content: $content, mapping: $mapping, dryRun: $dryRun, emailKind: $emailKind) {
      ...CsvImportReportFields
    }
  }

  fragment CsvImportReportFields on CsvImportReport {
    dryRun
    rows
    created
    updated
    unchanged
    errors {
      line
      reason
    }
    kept {
      line
      reason
    }
    emailKind
    emails
  }
`);

const MAX_BYTES = 2 * 1024 * 1024;
const FIELDS: CsvField[] = ['LAST_NAME', 'FIRST_NAME', 'PROFESSION', 'COMMUNE', 'RPPS', 'EMAIL', 'PHONE', 'STRUCTURE'] as CsvField[];
const IGNORE = '';
const EMAIL_KINDS: CsvEmailKind[] = ['PERSONAL', 'WORK'] as CsvEmailKind[];
type Preview = PreviewProfessionalsCsvQuery['previewProfessionalsCsv'];

/**
 * Import of a hand-made list: pick the file (read and decoded here), see its
 * first rows, say what each column holds (suggested from the header), check
 * (a dry run that writes nothing), then import.
 */
export function CsvImportPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<string[]>([]);
  // Personal unless the staff say otherwise: newsletters reach a personal address only with consent.
  const [emailKind, setEmailKind] = useState<CsvEmailKind>('PERSONAL' as CsvEmailKind);
  const [fileError, setFileError] = useState<AppError | null>(null);
  const [reading, setReading] = useState(false);
  const [check, setCheck] = useState<CsvImportReportFieldsFragment | null>(null);
  const [done, setDone] = useState<CsvImportReportFieldsFragment | null>(null);
  const [{ fetching, error }, run] = useMutation(ImportDocument);

  const pick = async (picked: File | null) => {
    setFile(picked);
    setPreview(null);
    setContent(null);
    setCheck(null);
    setDone(null);
    setFileError(null);
    setEmailKind('PERSONAL' as CsvEmailKind);
    if (!picked) return;
    if (picked.size > MAX_BYTES) {
      setFileError({ code: 'BAD_USER_INPUT', message: t('csvImport.tooBig'), fields: {} });
      return;
    }
    setReading(true);
    const text = decodeText(await picked.arrayBuffer());
    const res = await client.query(PreviewDocument, { content: text }, { requestPolicy: 'network-only' }).toPromise();
    setReading(false);
    if (res.error || !res.data) {
      setFileError(toAppError(res.error));
      return;
    }
    const p = res.data.previewProfessionalsCsv;
    setContent(text);
    setPreview(p);
    setMapping(p.columns.map((_, i) => p.suggestedMapping.find((m) => m.column === i)?.field ?? IGNORE));
  };

  const setColumn = (column: number, field: string) => {
    // A field goes to one column: choosing it here frees the column that had it.
    setMapping((m) => m.map((f, i) => (i === column ? field : f === field ? IGNORE : f)));
    setCheck(null);
  };

  const submit = async (dryRun: boolean) => {
    if (!content) return;
    const res = await run({ content, dryRun, emailKind, mapping: mapping.flatMap((field, column) => (field ? [{ column, field: field as CsvField }] : [])) });
    const report = res.data?.importProfessionalsCsv;
    if (!report) return;
    if (dryRun) setCheck(report);
    else setDone(report);
  };

  const crumbs = [{ label: t('directory.title'), to: '/annuaire' }, { label: t('csvImport.title') }];
  const fieldOptions = [{ value: IGNORE, label: t('csvImport.ignore') }, ...FIELDS.map((f) => ({ value: f, label: t(`csvImport.field.${f}`) }))];

  if (done) {
    return (
      <>
        <PageHeader title={t('csvImport.title')} crumbs={crumbs} />
        <Alert color="green" icon={<IconCheck size={18} />} title={t('csvImport.doneTitle')} mb="md" role="status">
          {t('csvImport.doneText', { file: file?.name ?? '' })}
        </Alert>
        <ReportView report={done} />
        <Group mt="md">
          <Button component={Link} to="/annuaire">
            {t('csvImport.backToDirectory')}
          </Button>
          <Button component={Link} to="/annuaire/doublons" variant="default">
            {t('csvImport.seeDuplicates')}
          </Button>
        </Group>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('csvImport.title')} subtitle={t('csvImport.subtitle')} crumbs={crumbs} />
      <Stack gap="md">
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <FormAlert error={fileError} />
            <FileInput
              label={t('csvImport.fileLabel')}
              description={t('csvImport.fileHelp')}
              placeholder={t('csvImport.filePlaceholder')}
              accept=".csv,.txt,text/csv,text/plain"
              leftSection={<IconFileSpreadsheet size={18} />}
              value={file}
              onChange={pick}
              clearable
              clearButtonProps={{ 'aria-label': t('csvImport.clearFile') }}
              disabled={reading}
            />
            {reading && <Text size="sm">{t('csvImport.reading')}</Text>}
          </Stack>
        </Card>
        {preview && (
          <Card withBorder radius="md" padding="md">
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('csvImport.mappingTitle')}
              </Title>
              <Text size="sm" c="gray.8">
                {t('csvImport.mappingHelp', { count: preview.rowCount, formatted: formatNumber(preview.rowCount) })}
              </Text>
              <Table.ScrollContainer minWidth={Math.max(480, preview.columns.length * 170)}>
                <Table withColumnBorders striped verticalSpacing={4}>
                  <Table.Thead>
                    <Table.Tr>
                      {preview.columns.map((name, i) => (
                        <Table.Th key={i} miw={160}>
                          <Text size="sm" fw={600} mb={4}>
                            {name || t('csvImport.unnamed', { n: i + 1 })}
                          </Text>
                          <Select
                            aria-label={t('csvImport.columnLabel', { name: name || t('csvImport.unnamed', { n: i + 1 }) })}
                            data={fieldOptions}
                            value={mapping[i] ?? IGNORE}
                            onChange={(v) => setColumn(i, v ?? IGNORE)}
                            allowDeselect={false}
                            size="xs"
                            comboboxProps={{ withinPortal: true }}
                          />
                        </Table.Th>
                      ))}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.rows.map((row, r) => (
                      <Table.Tr key={r}>
                        {row.map((cell, c) => (
                          <Table.Td key={c} c={mapping[c] ? undefined : 'dimmed'}>
                            {cell}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {mapping.includes('EMAIL') && (
                <Radio.Group
                  label={t('csvImport.emailKindLabel')}
                  value={emailKind}
                  onChange={(v) => {
                    setEmailKind(v as CsvEmailKind);
                    setCheck(null);
                  }}
                >
                  <Stack gap={6} mt={6}>
                    {EMAIL_KINDS.map((kind) => (
                      <Radio key={kind} value={kind} label={t(`csvImport.emailKind.${kind}`)} description={t(`csvImport.emailKindHelp.${kind}`)} />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
              <FormAlert error={toAppError(error)} />
              <Group gap="sm">
                <Button variant={check ? 'default' : 'filled'} onClick={() => submit(true)} loading={fetching && !check}>
                  {t('csvImport.check')}
                </Button>
                {check && (
                  <Button leftSection={<IconUpload size={18} />} onClick={() => submit(false)} loading={fetching} disabled={check.created + check.updated === 0}>
                    {t('csvImport.import', { count: check.created + check.updated })}
                  </Button>
                )}
              </Group>
            </Stack>
          </Card>
        )}
        {check && (
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('csvImport.checkTitle')}
            </Title>
            <ReportView report={check} />
          </Stack>
        )}
      </Stack>
    </>
  );
}

function ReportView({ report }: { report: CsvImportReportFieldsFragment }) {
  const { t } = useTranslation();
  const figure = (key: string, value: number, color?: string) => (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="gray.8" tt="uppercase">
        {t(`csvImport.report.${key}`)}
      </Text>
      <Text fw={700} size="xl" c={color} data-testid={`report-${key}`}>
        {formatNumber(value)}
      </Text>
    </Card>
  );
  return (
    <Stack gap="sm" role="region" aria-label={t('csvImport.reportLabel')}>
      {report.dryRun && <Text size="sm">{t('csvImport.dryRunNote')}</Text>}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {figure('rows', report.rows)}
        {figure('created', report.created, 'green.8')}
        {figure('updated', report.updated, 'blue.8')}
        {figure('unchanged', report.unchanged)}
        {figure('errors', report.errors.length, report.errors.length ? 'red.8' : undefined)}
      </SimpleGrid>
      {report.emails > 0 && (
        <Alert color={report.emailKind === 'WORK' ? 'yellow' : 'blue'} icon={<IconInfoCircle size={18} />} data-testid="report-emails">
          {t(`csvImport.emails.${report.emailKind}`, { count: report.emails, formatted: formatNumber(report.emails) })}
        </Alert>
      )}
      {report.errors.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('csvImport.errorsTitle', { count: report.errors.length })}>
          <LinesTable lines={report.errors} color="orange" />
        </Alert>
      )}
      {report.kept.length > 0 && (
        <Alert color="gray" icon={<IconInfoCircle size={18} />} title={t('csvImport.keptTitle', { count: report.kept.length })}>
          <Text size="sm" mb="xs">
            {t('csvImport.keptHelp')}
          </Text>
          <LinesTable lines={report.kept} color="gray" />
        </Alert>
      )}
    </Stack>
  );
}

function LinesTable({ lines, color }: { lines: CsvImportReportFieldsFragment['errors']; color: string }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing={4}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>{t('csvImport.line')}</Table.Th>
          <Table.Th>{t('csvImport.reason')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((e) => (
          <Table.Tr key={e.line}>
            <Table.Td>
              <Badge variant="light" color={color}>
                {e.line}
              </Badge>
            </Table.Td>
            <Table.Td>{e.reason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
