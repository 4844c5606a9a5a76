import { Badge, Box, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDay, formatEuros } from '../../lib/format';

/** A call as its public page shows it (GET /api/public/calls/<cpts slug>/<call slug>). */
export interface PublicCall {
  slug: string;
  year: number;
  title: string;
  rules: string;
  opensOn: string;
  closesOn: string;
  state: 'upcoming' | 'open' | 'closed';
  /** The timeline in one French sentence, from the server. */
  timeline: string;
  missions: Array<{ code: string; label: string }>;
  membersOnly: boolean;
  flatFeeCents: number;
  hourlyRateCents: number;
  requiredCriteria: string[];
}

const STATE_COLOR = { upcoming: 'blue', open: 'teal', closed: 'gray' } as const;

/** The call's rules, timeline, missions, fees and criteria: its public page, and (without the rules) the proposer's page. */
export function CallFacts({ call, headingLevel = 1, withRules = true }: { call: PublicCall; headingLevel?: 1 | 2; withRules?: boolean }) {
  const { t } = useTranslation();
  const sub = headingLevel === 1 ? 2 : 3;
  return (
    <Stack gap="md">
      <Box>
        <Text c="gray.8" size="sm">
          {t('proposerCall.kicker', { year: call.year })}
        </Text>
        <Group gap="xs" mt={4} align="center" wrap="wrap">
          <Title order={headingLevel} size={headingLevel === 1 ? 'h2' : 'h3'} style={{ overflowWrap: 'anywhere' }}>
            {call.title}
          </Title>
          <Badge color={STATE_COLOR[call.state]} variant="light">
            {t(`proposerCall.state.${call.state}`)}
          </Badge>
        </Group>
        <Group gap={6} mt="xs" wrap="nowrap" align="flex-start">
          <IconClock size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text size="sm" fw={600}>
            {call.timeline}
          </Text>
        </Group>
        <Text size="sm" c="gray.8" mt={4}>
          {t('proposerCall.dates', { opens: formatDay(call.opensOn), closes: formatDay(call.closesOn) })}
        </Text>
        {call.membersOnly && (
          <Text size="sm" mt={4}>
            {t('proposerCall.membersOnly')}
          </Text>
        )}
      </Box>
      {withRules && call.rules && (
        <Box component="section" aria-labelledby="call-rules">
          <Title order={sub} size="h4" id="call-rules" mb={4}>
            {t('proposerCall.rulesTitle')}
          </Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {call.rules}
          </Text>
        </Box>
      )}
      <Box component="section" aria-labelledby="call-missions">
        <Title order={sub} size="h4" id="call-missions" mb={4}>
          {t('proposerCall.missionsTitle')}
        </Title>
        <Group gap={4} wrap="wrap">
          {call.missions.map((m) => (
            <Badge key={m.code} color="brand" variant="outline" tt="none" size="md">
              {m.label}
            </Badge>
          ))}
        </Group>
      </Box>
      <Box component="section" aria-labelledby="call-fees">
        <Title order={sub} size="h4" id="call-fees" mb={4}>
          {t('proposerCall.feesTitle')}
        </Title>
        <List size="sm" spacing={2}>
          <List.Item>{t('proposerCall.flatFee', { amount: formatEuros(call.flatFeeCents) })}</List.Item>
          <List.Item>{t('proposerCall.hourlyRate', { amount: formatEuros(call.hourlyRateCents) })}</List.Item>
        </List>
        <Text size="xs" c="gray.8" mt={4}>
          {t('proposerCall.feesHelp')}
        </Text>
      </Box>
      {call.requiredCriteria.length > 0 && (
        <Box component="section" aria-labelledby="call-criteria">
          <Title order={sub} size="h4" id="call-criteria" mb={4}>
            {t('proposerCall.criteriaTitle')}
          </Title>
          <Text size="sm" c="gray.8" mb={4}>
            {t('proposerCall.criteriaHelp')}
          </Text>
          <List size="sm" spacing={2}>
            {call.requiredCriteria.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}
