import { Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMapPin, IconPlus, IconStar } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ConfirmModal, DialogButtons } from '../../../components/ConfirmModal';
import { ErrorState, FormAlert, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import type { PersonSitesQuery } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { CommuneSelect } from '../CommuneSelect';
import { PersonSection } from './PersonSection';

const SiteFields = graphql(`
  fragment SiteFields on ProfessionalSite {
    id
    structureName
    address
    postalCode
    communeCode
    commune {
      inseeCode
      name
    }
    phone
    practiceMode
    isMain
    fromImport
    retiredAt
  }
`);
void SiteFields;

const PersonSitesDocument = graphql(`
  query PersonSites($id: ID!) {
    professional(id: $id) {
      id
      erasedAt
      mergedInto
      sites(includeRetired: true) {
        ...SiteFields
      }
    }
  }
`);

// Each mutation answers with the person's sites (and the copy of the main one on the record), so the section
// and the person's page show the result without another round trip.
const PersonSitesChange = graphql(`
  fragment PersonSitesChange on Professional {
    id
    communeCode
    structureName
    phone
    sites(includeRetired: true) {
      ...SiteFields
    }
  }
`);
void PersonSitesChange;

const AddSiteDocument = graphql(`
  mutation AddProfessionalSite($professionalId: ID!, $input: ProfessionalSiteInput!) {
    addProfessionalSite(professionalId: $professionalId, input: $input) {
      ...PersonSitesChange
    }
  }
`);

const UpdateSiteDocument = graphql(`
  mutation UpdateProfessionalSite($id: ID!, $input: ProfessionalSiteInput!) {
    updateProfessionalSite(id: $id, input: $input) {
      ...PersonSitesChange
    }
  }
`);

const SetMainSiteDocument = graphql(`
  mutation SetMainProfessionalSite($id: ID!) {
    setMainProfessionalSite(id: $id) {
      ...PersonSitesChange
    }
  }
`);

const RetireSiteDocument = graphql(`
  mutation RetireProfessionalSite($id: ID!) {
    retireProfessionalSite(id: $id) {
      ...PersonSitesChange
    }
  }
`);

type Site = NonNullable<PersonSitesQuery['professional']>['sites'][number];
type Editing = { site: Site | null } | null;

/**
 * Where the person practises: every current site, the main one first (its
 * commune, structure and phone are the person's), sites from the national
 * directory and sites typed by hand alike; the staff add, edit, choose the
 * main one and remove (a removed site stays in the history).
 */
export function SitesSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: PersonSitesDocument,
    variables: { id: professionalId },
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: choosing }, setMain] = useMutation(SetMainSiteDocument);
  const [{ fetching: retiring }, retire] = useMutation(RetireSiteDocument);
  const [editing, setEditing] = useState<Editing>(null);
  const [retiringSite, setRetiringSite] = useState<Site | null>(null);
  const p = data?.professional;
  const current = p?.sites.filter((s) => !s.retiredAt) ?? [];
  const retired = p?.sites.filter((s) => s.retiredAt) ?? [];
  const readOnly = !p || Boolean(p.erasedAt || p.mergedInto);

  const makeMain = async (site: Site) => {
    const result = await setMain({ id: site.id });
    notifications.show(
      result.data ? { color: 'teal', message: t('sites.mainSaved') } : { color: 'red', message: toAppError(result.error)?.message },
    );
  };
  const doRetire = async () => {
    if (!retiringSite) return;
    const result = await retire({ id: retiringSite.id });
    setRetiringSite(null);
    notifications.show(
      result.data ? { color: 'teal', message: t('sites.retiredDone') } : { color: 'red', message: toAppError(result.error)?.message },
    );
  };

  return (
    <PersonSection
      title={t('sites.title')}
      actions={
        !readOnly && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ site: null })}>
            {t('sites.add')}
          </Button>
        )
      }
    >
      {!data && error && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <LoadingState rows={2} />}
      {p && current.length === 0 && <Text size="sm">{t('sites.none')}</Text>}
      {p && current.length > 1 && (
        <Text size="xs" c="gray.7" mb="xs">
          {t('sites.mainHelp')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {current.map((site) => (
          <Card
            key={site.id}
            withBorder
            padding="sm"
            radius="md"
            component="article"
            aria-label={[site.structureName, site.commune.name].filter(Boolean).join(', ')}
          >
            <SiteCard site={site} />
            {!readOnly && (
              <Group gap="xs" mt="sm">
                <Button size="compact-sm" variant="default" onClick={() => setEditing({ site })}>
                  {t('sites.edit')}
                </Button>
                {!site.isMain && (
                  <>
                    <Button
                      size="compact-sm"
                      variant="light"
                      leftSection={<IconStar size={14} />}
                      loading={choosing}
                      onClick={() => void makeMain(site)}
                    >
                      {t('sites.makeMain')}
                    </Button>
                    <Button size="compact-sm" variant="default" c="red.9" onClick={() => setRetiringSite(site)}>
                      {t('sites.retire')}
                    </Button>
                  </>
                )}
              </Group>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {retired.length > 0 && (
        <Stack gap={2} mt="sm">
          <Text size="xs" c="gray.7" fw={600}>
            {t('sites.retired', { count: retired.length })}
          </Text>
          {retired.map((site) => (
            <Text key={site.id} size="xs" c="gray.7">
              {[site.structureName, site.address, site.commune.name].filter(Boolean).join(', ')} ·{' '}
              {t('sites.retiredOn', { date: formatDate(site.retiredAt as string) })}
            </Text>
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.site ? t('sites.formTitleEdit') : t('sites.formTitleNew')}
        centered
        size="lg"
      >
        {editing && <SiteForm professionalId={professionalId} site={editing.site} onDone={() => setEditing(null)} />}
      </Modal>
      <ConfirmModal
        opened={retiringSite !== null}
        onClose={() => setRetiringSite(null)}
        title={t('sites.retire')}
        action={{ label: t('sites.retire'), color: 'red.8', loading: retiring, onClick: () => void doRetire() }}
      >
        <Text size="sm">{t('sites.retireConfirm')}</Text>
      </ConfirmModal>
    </PersonSection>
  );
}

function SiteCard({ site }: { site: Site }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <IconMapPin size={16} aria-hidden />
        <Text fw={600} size="sm">
          {site.structureName || site.commune.name}
        </Text>
        {site.isMain && (
          <Badge size="sm" color="teal">
            {t('sites.main')}
          </Badge>
        )}
        <Badge size="sm" variant="light" color={site.fromImport ? 'blue' : 'gray'}>
          {site.fromImport ? t('sites.fromImport') : t('sites.manual')}
        </Badge>
        {site.practiceMode && (
          <Badge size="sm" variant="outline" color="gray">
            {t(`sites.modes.${site.practiceMode}`, { defaultValue: site.practiceMode })}
          </Badge>
        )}
      </Group>
      {site.address && <Text size="sm">{site.address}</Text>}
      <Text size="sm">{[site.postalCode, site.commune.name].filter(Boolean).join(' ')}</Text>
      {site.phone && <Text size="sm">{site.phone}</Text>}
    </Stack>
  );
}

function SiteForm({ professionalId, site, onDone }: { professionalId: string; site: Site | null; onDone: () => void }) {
  const { t } = useTranslation();
  const [{ fetching: adding }, add] = useMutation(AddSiteDocument);
  const [{ fetching: updating }, update] = useMutation(UpdateSiteDocument);
  const [form, setForm] = useState({
    structureName: site?.structureName ?? '',
    address: site?.address ?? '',
    postalCode: site?.postalCode ?? '',
    communeCode: site?.communeCode ?? null,
    phone: site?.phone ?? '',
  });
  const [error, setError] = useState<AppError | null>(null);
  const set = (key: keyof typeof form) => (value: string | null) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      structureName: form.structureName.trim() || null,
      address: form.address.trim() || null,
      postalCode: form.postalCode.trim() || null,
      communeCode: form.communeCode ?? '',
      phone: form.phone.trim() || null,
    };
    const result = site ? await update({ id: site.id, input }) : await add({ professionalId, input });
    if (result.data) {
      notifications.show({ color: 'teal', message: site ? t('sites.saved') : t('sites.added') });
      onDone();
    } else setError(toAppError(result.error));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert error={error && Object.keys(error.fields).length === 0 ? error : null} />
        <TextInput
          label={t('sites.structure')}
          value={form.structureName}
          onChange={(e) => set('structureName')(e.currentTarget.value)}
          error={error?.fields.structureName}
        />
        <TextInput
          label={t('sites.address')}
          value={form.address}
          onChange={(e) => set('address')(e.currentTarget.value)}
          error={error?.fields.address}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('sites.postalCode')}
            inputMode="numeric"
            value={form.postalCode}
            onChange={(e) => set('postalCode')(e.currentTarget.value)}
            error={error?.fields.postalCode}
          />
          <CommuneSelect
            label={t('sites.commune')}
            value={form.communeCode}
            onChange={set('communeCode')}
            error={error?.fields.communeCode}
          />
        </SimpleGrid>
        <TextInput
          label={t('sites.phone')}
          type="tel"
          inputMode="tel"
          value={form.phone}
          onChange={(e) => set('phone')(e.currentTarget.value)}
          error={error?.fields.phone}
        />
        <DialogButtons onCancel={onDone} action={{ label: t('common.save'), loading: adding || updating }} mt="xs" />
      </Stack>
    </form>
  );
}
