import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Shared by the signed-in pages and the public vote page: Mantine and i18n only (no GraphQL client on a public page).

/** An answer, as the vote page's API and the email's links name it (the GraphQL enum is the same in capitals). */
export type Choice = 'for' | 'against' | 'abstain';
export const CHOICES: Choice[] = ['for', 'against', 'abstain'];

/** The email's buttons open the page with `?choix=pour|contre|abstention`: the answer to preselect. */
const PARAMS: Record<string, Choice> = { pour: 'for', contre: 'against', abstention: 'abstain' };
export const choiceFromParam = (param: string | null): Choice | null => (param ? (PARAMS[param.toLowerCase()] ?? null) : null);

/** "FOR" or "for" to "for". */
export const toChoice = (value: string | null | undefined): Choice | null => {
  const c = value?.toLowerCase();
  return c && (CHOICES as string[]).includes(c) ? (c as Choice) : null;
};

export interface TallyFigures {
  for: number;
  against: number;
  abstain: number;
  eligible: number;
  participating: number;
  byProxy: number;
  quorumNeeded: number;
  quorumMet: boolean;
}

const STATUS_COLORS: Record<string, string> = { draft: 'gray', open: 'blue', closed: 'dark' };
const OUTCOME_COLORS: Record<string, string> = { adopted: 'teal', rejected: 'red', no_quorum: 'orange' };
const CHOICE_COLORS: Record<Choice, string> = { for: 'teal', against: 'red', abstain: 'gray' };

/** Where a decision stands: brouillon, vote en cours, close. */
export function DecisionStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const s = status.toLowerCase();
  return (
    <Badge color={STATUS_COLORS[s] ?? 'gray'} tt="none" miw="max-content">
      {t(`governance.decisions.status.${s}`)}
    </Badge>
  );
}

/** Adoptée, rejetée, sans quorum. */
export function OutcomeBadge({ outcome }: { outcome: string }) {
  const { t } = useTranslation();
  const o = outcome.toLowerCase();
  return (
    <Badge color={OUTCOME_COLORS[o] ?? 'gray'} tt="none" miw="max-content">
      {t(`governance.decisions.outcome.${o}`)}
    </Badge>
  );
}

/** Pour, contre, abstention. */
export function ChoiceBadge({ choice }: { choice: string }) {
  const { t } = useTranslation();
  const c = toChoice(choice) ?? 'abstain';
  return (
    <Badge color={CHOICE_COLORS[c]} tt="none" miw="max-content">
      {t(`governance.decisions.choice.${c}`)}
    </Badge>
  );
}

/** "Pour : 3 · Contre : 0 · Abstention : 0", then who took part and the quorum. */
export function TallyLines({ tally }: { tally: TallyFigures }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('governance.decisions.tally.counts', { for: tally.for, against: tally.against, abstain: tally.abstain })}
      </Text>
      <Text size="sm">
        {t('governance.decisions.tally.participation', { count: tally.participating, eligible: tally.eligible })}
        {tally.byProxy > 0 ? ` ${t('governance.decisions.tally.byProxy', { count: tally.byProxy })}` : ''}
      </Text>
      <Text size="sm">
        {tally.quorumNeeded === 0
          ? t('governance.decisions.tally.noQuorumRule')
          : t(tally.quorumMet ? 'governance.decisions.tally.quorumMet' : 'governance.decisions.tally.quorumNotMet', {
              count: tally.quorumNeeded,
            })}
      </Text>
    </Stack>
  );
}

/** A closed decision's result: its number in the register, the outcome, the count. */
export function OutcomeSummary({
  outcome,
  registerNumber,
  tally,
}: {
  outcome: string;
  registerNumber: string | null;
  tally: TallyFigures | null;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="decision-outcome">
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>
          {registerNumber ? t('governance.decisions.numbered', { number: registerNumber }) : t('governance.decisions.result')}
        </Text>
        <OutcomeBadge outcome={outcome} />
      </Group>
      {tally && <TallyLines tally={tally} />}
    </Stack>
  );
}
