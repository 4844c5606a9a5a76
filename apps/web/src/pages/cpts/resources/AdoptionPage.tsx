import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBellRinging, IconEdit } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../../components/states';
import type { AdoptionFieldsFragment, ResourceContentInput, ResourceUpdateDiffQuery } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { cleanContent, ContentEditor, contentInput, ContentView } from '../../region/library/content';
import { FileLink } from '../../region/library/RegionResourcePage';
import {
  AdaptResourceAdoptionDocument,
  DismissResourceUpdateDocument,
  RESOURCE_CONTEXT,
  ResourceAdoptionDocument,
  ResourceUpdateDiffDocument,
  TakeResourceUpdateDocument,
} from '../../region/library/queries';

/**
 * The CPTS's copy of a regional resource: read it, adapt it (the region's is
 * untouched), and, when the region published a newer version, see what
 * changed and take it (an adapted copy's edits are replaced: the team is
 * warned) or keep the copy. At /ressources/mes-ressources/:id.
 */
export function AdoptionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [{ data, error }, refetch] = useQuery({ query: ResourceAdoptionDocument, variables: { id }, context: RESOURCE_CONTEXT });
  const [editing, setEditing] = useState(false);
  const crumbs = [{ label: t('resources.cptsTitle'), to: '/ressources/mes-ressources' }];
  if (error && !data)
    return (
      <PageErrorState
        title={t('resources.cptsTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  if (!data) return <LoadingState rows={4} />;
  const a = data.resourceAdoption;
  return (
    <>
      <PageHeader
        title={a.title}
        subtitle={`${t(`resources.categories.${a.category}`)} · ${t('resources.copyOf', { version: a.adoptedVersion, date: formatDate(a.adoptedAt) })}`}
        crumbs={[...crumbs, { label: a.title }]}
        actions={
          me.isCptsStaff && !editing ? (
            <Button leftSection={<IconEdit size={18} aria-hidden />} onClick={() => setEditing(true)}>
              {t('resources.adapt')}
            </Button>
          ) : undefined
        }
      />
      <Stack gap="lg">
        {a.updateAvailable && <UpdateNotice adoption={a} canAct={me.isCptsStaff} />}
        {editing ? (
          <AdaptForm adoption={a} onDone={() => setEditing(false)} />
        ) : (
          <Paper withBorder p="md" radius="md">
            <Stack gap="sm">
              <Group gap="xs">
                {a.adapted ? (
                  <Badge variant="light" color="grape">
                    {t('resources.adaptedOn', { date: formatDate(a.adaptedAt!) })}
                  </Badge>
                ) : (
                  <Badge variant="light">{t('resources.asPublished')}</Badge>
                )}
              </Group>
              <ContentView content={a.content} />
              {a.files.length > 0 && (
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {t('resources.files')}
                  </Text>
                  {a.files.map((f) => (
                    <FileLink key={f.documentId} file={f} />
                  ))}
                </Stack>
              )}
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}

function AdaptForm({ adoption: a, onDone }: { adoption: AdoptionFieldsFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(a.title);
  const [content, setContent] = useState<ResourceContentInput | null>(contentInput(a.content));
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, adapt] = useMutation(AdaptResourceAdoptionDocument);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await adapt({ input: { id: a.id, title, content: content ? cleanContent(content) : null } }, RESOURCE_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('resources.adaptedSaved') });
    onDone();
  };
  const fields = error?.fields ?? {};
  return (
    <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Title order={2} size="h4">
            {t('resources.adaptTitle')}
          </Title>
          <Text size="sm">{t('resources.adaptHelp')}</Text>
          <FormAlert error={formLevelError(error, (f) => f === 'title' || f.startsWith('content.'))} />
          <TextInput
            label={t('resources.form.title')}
            required
            value={title}
            error={fields.title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {content && <ContentEditor value={content} onChange={setContent} errors={fields} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={fetching}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

type Diff = ResourceUpdateDiffQuery['resourceUpdateDiff'];

/** « Nouvelle version disponible »: what changed, then take it or keep the copy. */
function UpdateNotice({ adoption: a, canAct }: { adoption: AdoptionFieldsFragment; canAct: boolean }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: ResourceUpdateDiffDocument, variables: { id: a.id }, context: RESOURCE_CONTEXT });
  const [{ fetching: taking }, take] = useMutation(TakeResourceUpdateDocument);
  const [{ fetching: dismissing }, dismiss] = useMutation(DismissResourceUpdateDocument);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const diff = data?.resourceUpdateDiff;
  const onTake = async () => {
    const result = await take({ id: a.id }, RESOURCE_CONTEXT);
    setConfirm(false);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('resources.taken', { version: a.latestVersion }) });
  };
  const onDismiss = async () => {
    const result = await dismiss({ id: a.id }, RESOURCE_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('resources.dismissed') });
  };
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconBellRinging size={20} aria-hidden />}
      title={t('resources.updateAvailable')}
      role="region"
      aria-label={t('resources.updateAvailable')}
    >
      <Stack gap="sm">
        <Text size="sm">{t('resources.updateIntro', { from: a.adoptedVersion, to: a.latestVersion })}</Text>
        {diff?.note && (
          <Text size="sm" fs="italic">
            {t('resources.regionNote', { note: diff.note })}
          </Text>
        )}
        {diff ? <DiffView diff={diff} /> : <LoadingState rows={2} />}
        <FormAlert error={error} />
        {canAct && (
          <Group gap="sm" wrap="wrap">
            <Button loading={taking} onClick={() => (a.adapted ? setConfirm(true) : onTake())}>
              {t('resources.take', { version: a.latestVersion })}
            </Button>
            <Button variant="default" loading={dismissing} onClick={onDismiss}>
              {t('resources.keepMine')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirm}
        onClose={() => setConfirm(false)}
        title={t('resources.takeConfirmTitle')}
        action={{ label: t('resources.take', { version: a.latestVersion }), loading: taking, onClick: onTake }}
      >
        <Text size="sm">{t('resources.takeConfirm')}</Text>
      </ConfirmModal>
    </Alert>
  );
}

const LINE_COLORS = { ADDED: 'var(--mantine-color-green-1)', REMOVED: 'var(--mantine-color-red-1)', SAME: 'transparent' } as const;

/** The changes between the adopted version and the newest one: per field, question, action or indicator; long texts line by line. */
function DiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  if (diff.changes.length === 0) return <Text size="sm">{t('resources.diff.none')}</Text>;
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('resources.diff.label')}>
      {diff.changes.map((c, i) => (
        <Box key={i} component="li" p="xs" bg="white" style={{ borderRadius: 6, border: '1px solid var(--mantine-color-gray-3)' }}>
          <Group gap="xs" mb={4}>
            <Badge size="sm" color={c.kind === 'ADDED' ? 'green' : c.kind === 'REMOVED' ? 'red' : 'blue'}>
              {t(`resources.diff.${c.kind}`)}
            </Badge>
            <Text size="sm" fw={600}>
              {c.label}
            </Text>
          </Group>
          {c.lines.length > 0 ? (
            <Box component="pre" m={0} style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', fontSize: 14 }}>
              {c.lines.map((l, k) => (
                <Box key={k} component="span" display="block" style={{ background: LINE_COLORS[l.kind] }}>
                  <span aria-hidden>{l.kind === 'ADDED' ? '+ ' : l.kind === 'REMOVED' ? '− ' : '  '}</span>
                  <VisuallyHidden>
                    {l.kind === 'ADDED'
                      ? `${t('resources.diff.ADDED')} : `
                      : l.kind === 'REMOVED'
                        ? `${t('resources.diff.REMOVED')} : `
                        : ''}
                  </VisuallyHidden>
                  {l.text}
                </Box>
              ))}
            </Box>
          ) : (
            <Stack gap={2}>
              {c.before && (
                <Text size="sm" style={{ background: LINE_COLORS.REMOVED, overflowWrap: 'anywhere' }}>
                  {t('resources.diff.before')} : {c.before}
                </Text>
              )}
              {c.after && (
                <Text size="sm" style={{ background: LINE_COLORS.ADDED, overflowWrap: 'anywhere' }}>
                  {t('resources.diff.after')} : {c.after}
                </Text>
              )}
            </Stack>
          )}
        </Box>
      ))}
    </Stack>
  );
}
