import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { CurrentCptsDocument } from './queries';

/** One commune of the active CPTS's territory, searchable by name or INSEE code (a person's or a site's commune). */
export function CommuneSelect({
  label,
  description,
  value,
  onChange,
  error,
}: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [{ data }] = useQuery({ query: CurrentCptsDocument, requestPolicy: 'cache-first' });
  return (
    <Select
      label={label}
      description={description}
      required
      searchable
      data={(data?.currentCpts.communes ?? []).map((c) => ({ value: c.inseeCode, label: `${c.name} (${c.inseeCode})` }))}
      value={value}
      onChange={onChange}
      error={error}
      nothingFoundMessage={t('common.noResult')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
