import { Anchor, Badge, Button, FileButton, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileUpload, IconVersions } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import { useMe } from '../../../auth/me';
import type { AppError } from '../../../lib/errors';
import { toAppError } from '../../../lib/errors';
import { downloadFile } from '../../../lib/download';
import { formatDate } from '../../../lib/format';
import { uploadFile } from '../../../lib/upload';
import { ContentView } from './content';
import { RegionResourceDocument, RESOURCE_CONTEXT } from './queries';

/** A file of a version: downloaded with the session. */
export function FileLink({ file }: { file: { fileName: string; url: string } }) {
  const [error, setError] = useState<AppError | null>(null);
  return (
    <>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={async () => setError(await downloadFile(file.url, file.fileName))}
        style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
      >
        {file.fileName}
      </Anchor>
      <FormAlert error={error} />
    </>
  );
}

/**
 * A resource of the region's library: its versions (newest first, each with
 * its note, content and files), a file added to the newest version, "new
 * version", and its usage by the CPTS. At /region/bibliotheque/:id.
 */
export function RegionResourcePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: RegionResourceDocument, variables: { id }, context: RESOURCE_CONTEXT });
  const [uploadError, setUploadError] = useState<AppError | null>(null);
  const [uploading, setUploading] = useState(false);
  const crumbs = [{ label: t('resources.regionTitle'), to: '/region/bibliotheque' }];
  if (error && !data)
    return (
      <PageErrorState
        title={t('resources.regionTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={4} />;
  const r = data.regionResource;
  const usage = data.resourceUsage;
  const upload = async (file: File | null) => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    const result = await uploadFile(`/api/resources/${r.id}/files`, file, () => undefined);
    setUploading(false);
    if ('error' in result) return setUploadError(result.error);
    notifications.show({ color: 'teal', message: t('resources.fileAdded', { name: file.name }) });
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <>
      <PageHeader
        title={r.title}
        subtitle={`${t(`resources.categories.${r.category}`)} · ${t('resources.versionShort', { version: r.currentVersion })}`}
        crumbs={[...crumbs, { label: r.title }]}
        actions={
          me.isRegionAdmin ? (
            <Group gap="sm">
              <FileButton onChange={upload}>
                {(props) => (
                  <Button {...props} variant="default" loading={uploading} leftSection={<IconFileUpload size={18} aria-hidden />}>
                    {t('resources.addFile')}
                  </Button>
                )}
              </FileButton>
              <Button component={Link} to={`/region/bibliotheque/${r.id}/version`} leftSection={<IconVersions size={18} aria-hidden />}>
                {t('resources.newVersion')}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <FormAlert error={uploadError} />
        {r.description && <Text>{r.description}</Text>}
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('resources.usage.title')}
          </Title>
          <Text size="sm" mb="sm">
            {t('resources.usage.summary', { adoptions: usage.adoptions, downloads: usage.downloads })}
          </Text>
          {usage.cpts.length > 0 && (
            <Table.ScrollContainer
              minWidth={520}
              scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t('resources.usage.title') } }}
            >
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('resources.usage.cpts')}</Table.Th>
                    <Table.Th>{t('resources.usage.version')}</Table.Th>
                    <Table.Th>{t('resources.usage.adapted')}</Table.Th>
                    <Table.Th>{t('resources.usage.downloads')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {usage.cpts.map((c) => (
                    <Table.Tr key={c.cptsId}>
                      <Table.Td>{c.cptsName}</Table.Td>
                      <Table.Td>
                        {c.adoptedVersion ? t('resources.versionShort', { version: c.adoptedVersion }) : t('resources.usage.notAdopted')}
                      </Table.Td>
                      <Table.Td>{c.adoptedVersion ? (c.adapted ? t('resources.usage.yes') : t('resources.usage.no')) : '—'}</Table.Td>
                      <Table.Td>{c.downloads}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        <Title order={2} size="h4">
          {t('resources.versions')}
        </Title>
        {r.versions.map((v) => (
          <Paper
            key={v.version}
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-label={t('resources.versionShort', { version: v.version })}
          >
            <Stack gap="xs">
              <Group gap="xs" wrap="wrap">
                <Badge variant={v.version === r.currentVersion ? 'filled' : 'light'}>
                  {t('resources.versionShort', { version: v.version })}
                </Badge>
                <Text size="sm" c="gray.8">
                  {t('resources.publishedOn', { date: formatDate(v.publishedAt) })}
                </Text>
              </Group>
              {v.note && (
                <Text size="sm" fs="italic">
                  {v.note}
                </Text>
              )}
              <ContentView content={v.content} />
              {v.files.length > 0 && (
                <Stack gap={2}>
                  {v.files.map((f) => (
                    <FileLink key={f.documentId} file={f} />
                  ))}
                </Stack>
              )}
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
