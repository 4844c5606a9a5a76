import { Badge, CloseButton, Combobox, Group, InputBase, Loader, Stack, useCombobox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useDebounced } from '../lib/useDebounced';

const PeopleSearchDocument = graphql(`
  query PeopleSearch($filter: ProfessionalFilter, $first: Int!) {
    professionals(first: $first, filter: $filter) {
      edges {
        node {
          id
          firstName
          lastName
          profession {
            label
          }
        }
      }
    }
  }
`);

const PersonNameDocument = graphql(`
  query PersonName($id: ID!) {
    professional(id: $id) {
      id
      firstName
      lastName
    }
  }
`);

/**
 * People of the directory picked one by one: search by name, remove with the
 * cross. `exclude`: people not to offer (already chosen elsewhere).
 */
export function PeoplePicker({
  label,
  description,
  ids,
  onChange,
  exclude = [],
  error,
}: {
  label: string;
  description?: string;
  ids: string[];
  onChange: (ids: string[]) => void;
  exclude?: string[];
  error?: string;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 250);
  const [{ data, fetching }] = useQuery({
    query: PeopleSearchDocument,
    variables: { filter: { search: debounced }, first: 10 },
    pause: debounced.length < 2,
  });
  const found = (debounced.length >= 2 ? (data?.professionals.edges ?? []) : [])
    .map((e) => e.node)
    .filter((p) => !ids.includes(p.id) && !exclude.includes(p.id));
  return (
    <Stack gap={4}>
      <Combobox
        store={combobox}
        onOptionSubmit={(id) => {
          onChange([...ids, id]);
          setSearch('');
          combobox.closeDropdown();
        }}
      >
        <Combobox.Target>
          <InputBase
            label={label}
            description={description}
            placeholder={t('peoplePicker.search')}
            value={search}
            onChange={(e) => {
              setSearch(e.currentTarget.value);
              combobox.openDropdown();
            }}
            onFocus={() => combobox.openDropdown()}
            onBlur={() => combobox.closeDropdown()}
            rightSection={fetching ? <Loader size="xs" /> : null}
            error={error}
            autoComplete="off"
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={debounced.length < 2}>
          <Combobox.Options>
            {found.length === 0 && !fetching && <Combobox.Empty>{t('common.noResult')}</Combobox.Empty>}
            {found.map((p) => (
              <Combobox.Option value={p.id} key={p.id}>
                {p.lastName} {p.firstName} · {p.profession.label}
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      {ids.length > 0 && (
        <Group gap={6} wrap="wrap">
          {ids.map((id) => (
            <PersonChip key={id} id={id} onRemove={() => onChange(ids.filter((x) => x !== id))} />
          ))}
        </Group>
      )}
    </Stack>
  );
}

function PersonChip({ id, onRemove }: { id: string; onRemove: () => void }) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: PersonNameDocument, variables: { id }, requestPolicy: 'cache-first' });
  const name = data ? `${data.professional.lastName} ${data.professional.firstName}` : '…';
  return (
    <Badge
      variant="light"
      color="gray"
      size="lg"
      tt="none"
      pr={2}
      rightSection={<CloseButton size="sm" aria-label={t('peoplePicker.remove', { name })} onClick={onRemove} />}
    >
      {name}
    </Badge>
  );
}
