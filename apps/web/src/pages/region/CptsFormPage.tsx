import { Alert, Button, Group, MultiSelect, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CommunePicker, type PickedCommune } from '../../components/CommunePicker';
import { EmailInput } from '../../components/EmailInput';
import { PageHeader } from '../../components/PageHeader';
import { FormAlert, LoadingState, PageErrorState } from '../../components/states';
import { graphql } from '../../gql';
import type { CptsDetailQuery } from '../../gql/graphql';
import { toAppError, type AppError } from '../../lib/errors';
import { formatNumber } from '../../lib/format';
import { useDebounced } from '../../lib/useDebounced';
import { CptsDetailDocument } from './CptsDetailPage';

const DepartementsDocument = graphql(`
  query Departements {
    departements {
      code
      name
    }
  }
`);

const CptsSlugSuggestionDocument = graphql(`
  query CptsSlugSuggestion($name: String!) {
    cptsSlugSuggestion(name: $name)
  }
`);

const CreateCptsDocument = graphql(`
  mutation CreateCpts($input: CptsInput!) {
    createCpts(input: $input) {
      id
      name
      slug
    }
  }
`);

const UpdateCptsDocument = graphql(`
  mutation UpdateCpts($id: ID!, $input: CptsInput!) {
    updateCpts(id: $id, input: $input) {
      id
      name
      slug
      size
      inhabitants
      contactEmail
      communeCodes
      departementCodes
      updatedAt
    }
  }
`);

/** ACI size classes by population. */
function suggestedSize(population: number): number {
  if (population < 40_000) return 1;
  if (population < 80_000) return 2;
  if (population < 175_000) return 3;
  return 4;
}

export function CptsFormPage() {
  const { id } = useParams();
  const [{ data, error }, refetch] = useQuery({ query: CptsDetailDocument, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
  const { t } = useTranslation();
  if (!id) return <CptsForm />;
  if (error && !data) {
    return (
      <PageErrorState
        title={t('region.editCpts')}
        crumbs={[{ label: t('region.cptsTitle'), to: '/region' }]}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!data) return <LoadingState rows={4} />;
  return <CptsForm existing={data.cpts} />;
}

function CptsForm({ existing }: { existing?: CptsDetailQuery['cpts'] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [{ data: deps, fetching: loadingDeps }] = useQuery({ query: DepartementsDocument, requestPolicy: 'cache-first' });
  const [{ fetching: creating }, create] = useMutation(CreateCptsDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateCptsDocument);
  const [name, setName] = useState(existing?.name ?? '');
  const [contactEmail, setContactEmail] = useState(existing?.contactEmail ?? '');
  const [departementCodes, setDepartementCodes] = useState<string[]>(existing?.departementCodes ?? []);
  const [communes, setCommunes] = useState<PickedCommune[]>(existing?.communes ?? []);
  const [size, setSize] = useState<string | null>(existing ? String(existing.size) : null);
  const [inhabitants, setInhabitants] = useState<number | string>(existing?.inhabitants ?? '');
  // The public address: proposed from the name while creating, until the admin writes one; kept as it is when editing.
  const [slug, setSlug] = useState(existing?.slug ?? '');
  const [slugTyped, setSlugTyped] = useState(!!existing);
  const proposedFor = useDebounced(name.trim(), 400);
  const [{ data: proposal }] = useQuery({
    query: CptsSlugSuggestionDocument,
    variables: { name: proposedFor },
    pause: slugTyped || proposedFor.length < 3,
  });
  useEffect(() => {
    if (!slugTyped && proposal) setSlug(proposal.cptsSlugSuggestion);
  }, [proposal, slugTyped]);
  const [error, setError] = useState<AppError | null>(null);

  const population = communes.reduce((sum, c) => sum + c.population, 0);
  const sizeValue = size ?? (communes.length ? String(suggestedSize(population)) : null);

  const onDepartements = (codes: string[]) => {
    setDepartementCodes(codes);
    setCommunes((current) => current.filter((c) => codes.includes(c.departementCode)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      name: name.trim(),
      contactEmail: contactEmail.trim(),
      departementCodes,
      communeCodes: communes.map((c) => c.inseeCode),
      size: Number(sizeValue ?? 0),
      inhabitants: inhabitants === '' ? null : Number(inhabitants),
      // Left empty at creation: the server proposes one from the name.
      slug: slug.trim() || (existing ? '' : null),
    };
    if (existing) {
      const result = await update({ id: existing.id, input });
      if (result.data) {
        notifications.show({ color: 'teal', message: t('region.cptsSaved', { name: input.name }) });
        navigate(`/region/cpts/${existing.id}`);
      } else setError(toAppError(result.error));
    } else {
      const result = await create({ input });
      if (result.data) {
        notifications.show({ color: 'teal', title: t('region.cptsCreated', { name: input.name }), message: t('region.nowInvite') });
        navigate(`/region/cpts/${result.data.createCpts.id}`);
      } else setError(toAppError(result.error));
    }
  };

  const title = existing ? t('region.editCptsNamed', { name: existing.name }) : t('region.createCpts');
  const fieldNames = ['name', 'slug', 'contactEmail', 'departementCodes', 'communeCodes', 'size', 'inhabitants'];
  const formLevel = error && !fieldNames.some((f) => error.fields[f]) ? error : error && Object.keys(error.fields).length > 1 ? { ...error, message: t('form.fixFields') } : null;

  return (
    <>
      <PageHeader
        title={title}
        crumbs={[{ label: t('region.cptsTitle'), to: '/region' }, ...(existing ? [{ label: existing.name, to: `/region/cpts/${existing.id}` }] : []), { label: existing ? t('common.edit') : t('common.new') }]}
      />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md" maw={860}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert error={formLevel} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('fields.cptsName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={error?.fields.name} placeholder={t('region.namePlaceholder')} />
              <EmailInput label={t('fields.contactEmail')} value={contactEmail} onChange={setContactEmail} error={error?.fields.contactEmail} />
            </SimpleGrid>
            <TextInput
              label={t('fields.publicAddress')}
              description={t('region.slugHelp', { url: `${window.location.origin}/cpts/${slug.trim() || '…'}/annuaire` })}
              required={!!existing}
              value={slug}
              onChange={(e) => {
                setSlugTyped(true);
                setSlug(e.currentTarget.value.toLowerCase());
              }}
              error={error?.fields.slug}
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
            />
            {existing && slug.trim() !== existing.slug && (
              <Alert color="orange" role="status">
                {t('region.slugChanged', { old: existing.slug })}
              </Alert>
            )}
            <MultiSelect
              label={t('fields.departements')}
              description={t('region.departementsHelp')}
              required
              searchable
              data={(deps?.departements ?? []).map((d) => ({ value: d.code, label: `${d.code} · ${d.name}` }))}
              value={departementCodes}
              onChange={onDepartements}
              error={error?.fields.departementCodes}
              nothingFoundMessage={loadingDeps ? t('common.loading') : t('common.noResult')}
              comboboxProps={{ withinPortal: true }}
            />
            <CommunePicker departementCodes={departementCodes} value={communes} onChange={setCommunes} error={error?.fields.communeCodes} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <Select
                label={t('fields.size')}
                description={communes.length && !size ? t('region.sizeSuggested') : t('region.sizeHelp')}
                required
                data={[1, 2, 3, 4].map((s) => ({ value: String(s), label: `${t('cpts.sizeValue', { size: s })} · ${t(`cpts.sizeHint.${s}`)}` }))}
                value={sizeValue}
                onChange={setSize}
                allowDeselect={false}
                error={error?.fields.size}
                comboboxProps={{ withinPortal: true }}
              />
              <NumberInput
                label={t('fields.inhabitants')}
                description={t('region.inhabitantsHelp', { population: formatNumber(population) })}
                placeholder={population ? formatNumber(population) : undefined}
                min={0}
                thousandSeparator=" "
                value={inhabitants}
                onChange={setInhabitants}
                error={error?.fields.inhabitants}
              />
            </SimpleGrid>
            <Group justify="flex-end" mt="sm">
              <Button variant="default" component={Link} to={existing ? `/region/cpts/${existing.id}` : '/region'}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={creating || updating}>
                {existing ? t('common.save') : t('region.createSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
