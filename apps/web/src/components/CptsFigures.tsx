import { Badge, Group, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '../gql';
import { formatNumber } from '../lib/format';

/** A CPTS at a glance (its name, CptsFigures, DepartementBadges): the lists and pages of a CPTS select it. */
const CptsOverview = graphql(`
  fragment CptsOverview on Cpts {
    id
    name
    size
    inhabitants
    professionalCount
    communeCodes
    departements {
      code
      name
    }
  }
`);
void CptsOverview;

export function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="gray.8">
        {label}
      </Text>
      <Text fw={700} fz={26} lh={1.3}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="gray.8">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The key figures of a CPTS, the same everywhere they appear. */
export function CptsFigures({ cpts }: { cpts: { size: number; inhabitants: number; professionalCount: number; communeCodes: string[] } }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Figure label={t('cpts.professionals')} value={formatNumber(cpts.professionalCount)} hint={t('cpts.professionalsHint')} />
      <Figure label={t('cpts.inhabitants')} value={formatNumber(cpts.inhabitants)} />
      <Figure label={t('cpts.communes')} value={formatNumber(cpts.communeCodes.length)} />
      <Figure label={t('cpts.size')} value={t('cpts.sizeValue', { size: cpts.size })} hint={t(`cpts.sizeHint.${cpts.size}`)} />
    </SimpleGrid>
  );
}

export function DepartementBadges({ departements }: { departements: Array<{ code: string; name: string }> }) {
  return (
    <Group gap={4} wrap="wrap">
      {departements.map((d) => (
        <Badge key={d.code} color="gray" variant="light" title={d.name}>
          {d.code} · {d.name}
        </Badge>
      ))}
    </Group>
  );
}
