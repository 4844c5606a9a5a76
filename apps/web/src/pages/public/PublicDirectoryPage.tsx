import { Anchor, Badge, Box, Button, Container, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../components/states';
import { formatPhone } from '../../lib/format';
import { useCurrentAddress } from './useCurrentAddress';
import { usePublicJson } from './usePublicJson';

interface PublicPerson {
  lastName: string;
  firstName: string;
  structureName: string | null;
  phone: string | null;
  labels: string[];
}
interface PublicDirectory {
  cpts: { slug: string; name: string };
  labels: string[];
  communes: Array<{ code: string; name: string; professions: Array<{ code: string; label: string; people: PublicPerson[] }> }>;
}

/**
 * The public page of a CPTS's directory: no sign-in, for patients and
 * colleagues. Only the professionals who agreed to be shown, by commune and
 * profession, with the CPTS's labels. Read fresh on every visit. At the
 * CPTS's address, /cpts/<slug>/annuaire.
 */
export function PublicDirectoryPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const commune = params.get('commune');
  const profession = params.get('profession');
  const label = params.get('etiquette');

  // A plain request: no session is sent, the page is the same for everyone.
  const { data, error, retry } = usePublicJson<PublicDirectory>(`/api/public/cpts/${encodeURIComponent(slug)}/directory`);
  useCurrentAddress(data ? `/cpts/${data.cpts.slug}/annuaire` : null);

  const professions = useMemo(() => {
    const all = new Map<string, string>();
    for (const c of data?.communes ?? []) for (const p of c.professions) all.set(p.code, p.label);
    return [...all].map(([value, text]) => ({ value, label: text })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  }, [data]);

  const shown = useMemo(
    () =>
      (data?.communes ?? [])
        .filter((c) => !commune || c.code === commune)
        .map((c) => ({
          ...c,
          professions: c.professions
            .filter((p) => !profession || p.code === profession)
            .map((p) => ({ ...p, people: p.people.filter((x) => !label || x.labels.includes(label)) }))
            .filter((p) => p.people.length > 0),
        }))
        .filter((c) => c.professions.length > 0),
    [data, commune, profession, label],
  );
  const count = shown.reduce((n, c) => n + c.professions.reduce((m, p) => m + p.people.length, 0), 0);

  const all = { value: '', label: t('publicDirectory.all') };
  const setFilter = (key: string) => (event: ChangeEvent<HTMLSelectElement>) => {
    const { value } = event.currentTarget;
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <Box component="main" py="lg" px="sm">
      <Container size="md" p={0}>
        {error && !data && <ErrorState error={error.code === 'NOT_FOUND' ? { ...error, message: t('publicDirectory.notFound') } : error} onRetry={retry} />}
        {!data && !error && <LoadingState rows={4} />}
        {data && (
          <Stack gap="md">
            <div>
              <Title order={1} size="h2">
                {t('publicDirectory.title', { name: data.cpts.name })}
              </Title>
              <Text size="sm" c="gray.8">
                {t('publicDirectory.intro')}
              </Text>
            </div>
            <Paper withBorder p="sm" radius="md" component="form" role="search" aria-label={t('publicDirectory.filters')} onSubmit={(e) => e.preventDefault()}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                {/* The phone's own pickers (native selects): light to load, and what a phone's user knows. */}
                <NativeSelect
                  label={t('publicDirectory.commune')}
                  data={[all, ...data.communes.map((c) => ({ value: c.code, label: c.name }))]}
                  value={commune ?? ''}
                  onChange={setFilter('commune')}
                />
                <NativeSelect
                  label={t('publicDirectory.profession')}
                  data={[all, ...professions]}
                  value={profession ?? ''}
                  onChange={setFilter('profession')}
                />
                <NativeSelect
                  label={t('publicDirectory.label')}
                  data={[all, ...data.labels]}
                  value={label ?? ''}
                  onChange={setFilter('etiquette')}
                />
              </SimpleGrid>
            </Paper>
            <Text size="sm" role="status" aria-live="polite">
              {t('publicDirectory.count', { count })}
            </Text>
            {count === 0 && (commune || profession || label) && (
              <Button variant="subtle" onClick={() => setParams({}, { replace: true })} style={{ alignSelf: 'flex-start' }}>
                {t('publicDirectory.clear')}
              </Button>
            )}
            {shown.map((c) => (
              <section key={c.code} aria-labelledby={`commune-${c.code}`}>
                <Title order={2} size="h3" id={`commune-${c.code}`} mb="xs">
                  {c.name}
                </Title>
                <Stack gap="sm">
                  {c.professions.map((p) => (
                    <div key={p.code}>
                      <Title order={3} size="h5" mb={4}>
                        {p.label}
                      </Title>
                      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                        {p.people.map((x, i) => (
                          <Paper component="li" key={`${x.lastName}-${x.firstName}-${i}`} withBorder p="sm" radius="sm">
                            <Text fw={600}>
                              {x.firstName} {x.lastName}
                            </Text>
                            {x.structureName && <Text size="sm">{x.structureName}</Text>}
                            {x.phone && (
                              <Anchor href={`tel:${x.phone.replace(/\s/g, '')}`} size="sm">
                                <Group gap={4} component="span" display="inline-flex">
                                  <IconPhone size={14} aria-hidden />
                                  {formatPhone(x.phone)}
                                </Group>
                              </Anchor>
                            )}
                            {x.labels.length > 0 && (
                              <Group gap={4} mt={4}>
                                {x.labels.map((l) => (
                                  <Badge key={l} variant="light" tt="none">
                                    {l}
                                  </Badge>
                                ))}
                              </Group>
                            )}
                          </Paper>
                        ))}
                      </Stack>
                    </div>
                  ))}
                </Stack>
              </section>
            ))}
          </Stack>
        )}
      </Container>
    </Box>
  );
}
