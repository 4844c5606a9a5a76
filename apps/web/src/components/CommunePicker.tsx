import { CheckIcon, Combobox, Group, Loader, Pill, PillsInput, Text, useCombobox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { formatNumber } from '../lib/format';
import { useDebounced } from '../lib/useDebounced';

const CommuneSearchDocument = graphql(`
  query CommuneSearch($filter: CommuneFilter) {
    communes(filter: $filter) {
      inseeCode
      name
      population
      departementCode
      epciName
    }
  }
`);

export interface PickedCommune {
  inseeCode: string;
  name: string;
  population: number;
  departementCode: string;
}

/**
 * Communes of the chosen départements, searched by name as you type
 * (accents and case ignored by the server), most populated first.
 */
export function CommunePicker({
  departementCodes,
  value,
  onChange,
  error,
}: {
  departementCodes: string[];
  value: PickedCommune[];
  onChange: (communes: PickedCommune[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 250);
  const disabled = departementCodes.length === 0;
  const [{ data, fetching }] = useQuery({
    query: CommuneSearchDocument,
    variables: { filter: { departementCodes, search: debounced || null, first: 30 } },
    pause: disabled || !combobox.dropdownOpened,
  });
  const selected = new Set(value.map((c) => c.inseeCode));

  const toggle = (code: string) => {
    if (selected.has(code)) onChange(value.filter((c) => c.inseeCode !== code));
    else {
      const commune = data?.communes.find((c) => c.inseeCode === code);
      if (commune) onChange([...value, commune]);
    }
  };

  const options = (data?.communes ?? []).map((c) => (
    <Combobox.Option value={c.inseeCode} key={c.inseeCode} active={selected.has(c.inseeCode)}>
      <Group gap="sm" wrap="nowrap">
        {selected.has(c.inseeCode) ? <CheckIcon size={12} /> : <span style={{ width: 12 }} />}
        <div>
          <Text size="sm">
            {c.name} <Text span size="xs" c="gray.8">({c.inseeCode})</Text>
          </Text>
          <Text size="xs" c="gray.8">
            {t('communePicker.inhabitants', { value: formatNumber(c.population) })}
            {c.epciName ? ` · ${c.epciName}` : ''}
          </Text>
        </div>
      </Group>
    </Combobox.Option>
  ));

  const total = value.reduce((sum, c) => sum + c.population, 0);

  return (
    <Combobox store={combobox} onOptionSubmit={toggle} withinPortal>
      <Combobox.DropdownTarget>
        <PillsInput
          label={t('fields.communes')}
          description={disabled ? t('communePicker.chooseDepartementsFirst') : t('communePicker.help', { count: value.length, population: formatNumber(total) })}
          error={error}
          disabled={disabled}
          required
          onClick={() => combobox.openDropdown()}
          rightSection={fetching ? <Loader size={16} aria-hidden /> : null}
        >
          <Pill.Group>
            {value.map((c) => (
              <Pill key={c.inseeCode} withRemoveButton onRemove={() => onChange(value.filter((v) => v.inseeCode !== c.inseeCode))} removeButtonProps={{ 'aria-label': t('communePicker.remove', { name: c.name }) }}>
                {c.name}
              </Pill>
            ))}
            <Combobox.EventsTarget>
              <PillsInput.Field
                onFocus={() => combobox.openDropdown()}
                onBlur={() => combobox.closeDropdown()}
                value={search}
                placeholder={disabled ? '' : t('communePicker.placeholder')}
                aria-label={t('communePicker.searchLabel')}
                onChange={(e) => {
                  combobox.updateSelectedOptionIndex();
                  setSearch(e.currentTarget.value);
                  combobox.openDropdown();
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Backspace' && search.length === 0 && value.length) {
                    e.preventDefault();
                    onChange(value.slice(0, -1));
                  }
                }}
              />
            </Combobox.EventsTarget>
          </Pill.Group>
        </PillsInput>
      </Combobox.DropdownTarget>
      <Combobox.Dropdown>
        <Combobox.Options mah={280} style={{ overflowY: 'auto' }}>
          {options.length > 0 ? options : <Combobox.Empty>{fetching ? t('common.loading') : t('communePicker.none')}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
