import { Box, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useMe } from '../../../auth/me';
import { CardSection } from '../../../components/CardSection';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState } from '../../../components/states';
import type { WorkingGroupQuery } from '../../../gql/graphql';
import { DoneThisQuarter, OpenActionItems } from './ActionItemsSection';
import { JoinRequestsSection } from './JoinRequestsSection';
import { GroupErrorState, GroupStatusBadge, MissionBadges } from './labels';
import { MeetingsSection } from './MeetingsSection';
import { MembersSection } from './MembersSection';
import { OwnPollInvitations } from './OwnPollInvitations';
import { GROUP_CONTEXT, WorkingGroupDocument, WorkingGroupMembersDocument } from './queries';
import { ReferentWarning } from './WorkingGroupsPage';

type Group = WorkingGroupQuery['workingGroup'];

/**
 * One working group: its meetings (coming, then past), its referents and
 * members, what it is about and its frame. The team and the group's
 * referents manage it; the others read.
 */
export function WorkingGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [includeFormer, setIncludeFormer] = useState(false);
  const [{ data, error }, refetch] = useQuery({ query: WorkingGroupDocument, variables: { id }, context: GROUP_CONTEXT });
  const [members, refetchMembers] = useQuery({
    query: WorkingGroupMembersDocument,
    variables: { id, includeFormer },
    context: GROUP_CONTEXT,
  });
  if (error && !data) return <GroupErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState rows={5} />;
  const group = data.workingGroup;
  const list = members.data?.workingGroup.members ?? null;
  // The team manages every group; a signed-in person, the groups they are a current referent of.
  const canManage = me.isCptsStaff || (list ?? []).some((m) => m.userId === me.me.user.id && m.role === 'REFERENT' && !m.leftAt);
  return (
    <>
      <PageHeader
        title={group.name}
        subtitle={
          <Group gap="xs" component="span">
            <GroupStatusBadge status={group.status} />
            {group.theme && <span>{group.theme}</span>}
          </Group>
        }
        crumbs={[{ label: t('workingGroups.title'), to: '/groupes-de-travail' }, { label: group.name }]}
        actions={
          canManage && (
            <Button
              variant="default"
              component={Link}
              to={`/groupes-de-travail/${group.id}/modifier`}
              leftSection={<IconPencil size={18} />}
            >
              {t('common.edit')}
            </Button>
          )
        }
      />
      {group.referentWarning && (
        <Box mb="md">
          <ReferentWarning text={group.referentWarning} title={t('workingGroups.referentWarningTitle')} />
        </Box>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <OwnPollInvitations groupId={group.id} />
            <MeetingsSection group={group} canManage={canManage} />
            <OpenActionItems group={group} members={list} canManage={canManage} />
            <MembersSection
              group={group}
              members={list}
              error={members.error}
              onRetry={() => refetchMembers({ requestPolicy: 'network-only' })}
              canManage={canManage}
              includeFormer={includeFormer}
              onIncludeFormer={setIncludeFormer}
            />
            {canManage && <JoinRequestsSection groupId={group.id} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <DoneThisQuarter group={group} canManage={canManage} />
            <About group={group} />
            <Frame group={group} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function About({ group }: { group: Group }) {
  const { t } = useTranslation();
  return (
    <CardSection id="group-about" title={t('workingGroups.about')} gap="xs">
      <Line label={t('workingGroups.fields.missions')}>
        <MissionBadges missions={group.missions} />
      </Line>
      {group.theme && <Line label={t('workingGroups.fields.theme')}>{group.theme}</Line>}
      <Line label={t('workingGroups.fields.description')}>{group.description || t('workingGroups.noDescription')}</Line>
    </CardSection>
  );
}

/** The frame, as every meeting starts with it and every invitation carries it. */
function Frame({ group }: { group: Group }) {
  const { t } = useTranslation();
  const { purpose, rules, confidentiality } = group.frame;
  return (
    <CardSection id="group-frame" title={t('workingGroups.frame.title')} gap="xs">
      <Text size="sm" c="gray.8">
        {t('workingGroups.frame.help')}
      </Text>
      {!purpose && !rules && !confidentiality ? (
        <Text size="sm">{t('workingGroups.frame.empty')}</Text>
      ) : (
        <>
          {purpose && <Line label={t('workingGroups.frame.purpose')}>{purpose}</Line>}
          {rules && <Line label={t('workingGroups.frame.rules')}>{rules}</Line>}
          {confidentiality && <Line label={t('workingGroups.frame.confidentiality')}>{confidentiality}</Line>}
        </>
      )}
    </CardSection>
  );
}

/** A label over its text, the text's own line breaks kept. */
export function Line({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}
