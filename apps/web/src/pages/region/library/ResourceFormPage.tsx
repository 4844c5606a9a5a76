import { Button, Group, Paper, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { PageHeader } from '../../../components/PageHeader';
import { FormAlert, LoadingState } from '../../../components/states';
import type { RegionResourceQuery, ResourceCategory, ResourceContentInput } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { CATEGORIES, cleanContent, ContentEditor, contentInput, emptyContent, kindFor } from './content';
import { PublishResourceDocument, PublishResourceVersionDocument, RegionResourceDocument, RESOURCE_CONTEXT } from './queries';

/**
 * Publishing in the region's library: a new resource (/region/bibliotheque/nouvelle)
 * or a new version of one (/region/bibliotheque/:id/version, prefilled with
 * the newest version; the older ones are kept). Survey and fiche templates
 * get a form for their structure, the other categories a text.
 */
export function ResourceFormPage() {
  const { id } = useParams();
  const [{ data }] = useQuery({ query: RegionResourceDocument, variables: { id: id ?? '' }, pause: !id, context: RESOURCE_CONTEXT });
  if (id && !data) return <LoadingState rows={4} />;
  return <ResourceForm existing={data?.regionResource ?? null} />;
}

type Existing = RegionResourceQuery['regionResource'];

function ResourceForm({ existing }: { existing: Existing | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [category, setCategory] = useState<ResourceCategory>(existing?.category ?? 'SURVEY_TEMPLATE');
  const [content, setContent] = useState<ResourceContentInput>(
    contentInput(existing?.versions[0]?.content) ?? emptyContent(kindFor(existing?.category ?? 'SURVEY_TEMPLATE')),
  );
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching: publishing }, publish] = useMutation(PublishResourceDocument);
  const [{ fetching: versioning }, publishVersion] = useMutation(PublishResourceVersionDocument);
  // A new resource's content follows its category (a survey template carries a survey).
  useEffect(() => {
    if (!existing && content.kind !== kindFor(category)) setContent(emptyContent(kindFor(category)));
  }, [category, existing, content.kind]);
  const fields = error?.fields ?? {};
  const textIsEmpty = content.kind === 'TEXT' && !(content.body ?? '').trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const cleaned = textIsEmpty ? null : cleanContent(content);
    const result = existing
      ? await publishVersion({ input: { resourceId: existing.id, title, description, content: cleaned, note } }, RESOURCE_CONTEXT)
      : await publish({ input: { title, description, category, content: cleaned, note } }, RESOURCE_CONTEXT);
    if (result.error || !result.data) return setError(toAppError(result.error));
    const saved = 'publishResource' in result.data ? result.data.publishResource : result.data.publishResourceVersion;
    notifications.show({
      color: 'teal',
      message: existing
        ? t('resources.form.versionPublished', { title: saved.title })
        : t('resources.form.published', { title: saved.title }),
    });
    navigate(`/region/bibliotheque/${saved.id}`);
  };

  const back = existing ? `/region/bibliotheque/${existing.id}` : '/region/bibliotheque';
  return (
    <>
      <PageHeader
        title={existing ? t('resources.form.versionTitle') : t('resources.form.newTitle')}
        subtitle={existing?.title ?? t('resources.form.newSubtitle')}
        crumbs={[
          { label: t('resources.regionTitle'), to: '/region/bibliotheque' },
          ...(existing ? [{ label: existing.title, to: back }] : []),
          { label: existing ? t('resources.form.versionCrumb') : t('resources.form.newCrumb') },
        ]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={900}>
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <FormAlert error={formLevelError(error, (f) => ['title', 'note', 'category'].includes(f) || f.startsWith('content.'))} />
            <TextInput
              label={t('resources.form.title')}
              required
              value={title}
              error={fields.title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Textarea
              label={t('resources.form.description')}
              autosize
              minRows={2}
              value={description}
              error={fields.description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Select
              label={t('resources.category')}
              data={CATEGORIES.map((c) => ({ value: c, label: t(`resources.categories.${c}`) }))}
              value={category}
              allowDeselect={false}
              disabled={!!existing}
              error={fields.category}
              onChange={(v) => v && setCategory(v as ResourceCategory)}
            />
            <ContentEditor value={content} onChange={setContent} errors={fields} />
            <Textarea
              label={existing ? t('resources.form.noteRequired') : t('resources.form.note')}
              description={t('resources.form.noteHelp')}
              required={!!existing}
              autosize
              minRows={2}
              value={note}
              error={fields.note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component={Link} to={back}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={publishing || versioning}>
                {existing ? t('resources.form.publishVersion') : t('resources.publish')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
