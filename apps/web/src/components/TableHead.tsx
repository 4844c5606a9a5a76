import { Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A table's header row of plain labels. `actions`: a last column for each
 * row's buttons, named for screen readers only.
 */
export function TableHead({ labels, actions }: { labels: string[]; actions?: boolean }) {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        {labels.map((label) => (
          <Table.Th key={label}>{label}</Table.Th>
        ))}
        {actions && (
          <Table.Th>
            <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
          </Table.Th>
        )}
      </Table.Tr>
    </Table.Thead>
  );
}
