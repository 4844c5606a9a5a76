import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export interface Crumb {
  label: string;
  to?: string;
}

/** The page's title (also the document title), a line of context and its main actions. */
export function PageHeader({ title, subtitle, actions, crumbs }: { title: string; subtitle?: ReactNode; actions?: ReactNode; crumbs?: Crumb[] }) {
  return (
    <Stack gap={4} mb="lg">
      {crumbs && crumbs.length > 0 && (
        <Breadcrumbs separator="›" aria-label="Fil d'Ariane" styles={{ breadcrumb: { fontSize: 14 } }}>
          {crumbs.map((c) =>
            c.to ? (
              <Anchor key={c.label} component={Link} to={c.to} size="sm">
                {c.label}
              </Anchor>
            ) : (
              <Text key={c.label} size="sm" c="gray.8">
                {c.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <PageTitle title={title} subtitle={subtitle} style={{ minWidth: 0, flex: '1 1 280px' }} titleStyle={{ overflowWrap: 'anywhere' }} />
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}

/** A page's h1 (also the browser tab's title) and the line under it; PageHeader's, and the sign-in pages' card's. */
export function PageTitle({
  title,
  subtitle,
  style,
  titleStyle,
}: {
  title: string;
  subtitle?: ReactNode;
  style?: CSSProperties;
  titleStyle?: CSSProperties;
}) {
  useDocumentTitle(title);
  return (
    <Box style={style}>
      <Title order={1} size="h2" style={titleStyle}>
        {title}
      </Title>
      {subtitle && (
        <Text c="gray.8" mt={4}>
          {subtitle}
        </Text>
      )}
    </Box>
  );
}
