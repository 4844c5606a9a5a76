import { Alert, Badge, Box, Button, Grid, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CardSection } from '../../../components/CardSection';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { MeetingAgenda, MeetingFacts } from '../../../components/MeetingFacts';
import { PageHeader } from '../../../components/PageHeader';
import { LoadingState, PageErrorState } from '../../../components/states';
import type { MeetingPageQuery } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';
import { formatParisSlot } from '../../../lib/paris';
import { InstanceMeetingSection } from '../governance/InstanceMeetingSection';
import { INSTANCE_OWNER_KIND } from '../governance/queries-governance';
import { AttendanceSection } from './AttendanceSection';
import { useMeetingManager, type MeetingOwnerKind } from './MeetingAccess';
import { MeetingDocuments } from './MeetingDocuments';
import { MeetingForm } from './MeetingForm';
import { MinutesActions, MinutesRecipients, MinutesSection } from './MinutesSection';
import { CancelMeetingDocument, MEETING_CONTEXT } from './queries';
import { MEETING_PAGE_CONTEXT, MeetingPageDocument } from './queries-meetings';

type Meeting = MeetingPageQuery['meeting'];

/** Where a meeting stands, in words: cancelled, to come, under way, held. */
function MeetingStage({ meeting, now }: { meeting: Meeting; now: number }) {
  const { t } = useTranslation();
  const [stage, color] =
    meeting.status === 'CANCELLED'
      ? (['CANCELLED', 'red'] as const)
      : new Date(meeting.startsAt).getTime() > now
        ? (['COMING', 'blue'] as const)
        : new Date(meeting.endsAt).getTime() > now
          ? (['UNDER_WAY', 'teal'] as const)
          : (['HELD', 'gray'] as const);
  return (
    <Badge color={color} tt="none" miw="max-content">
      {t(`workingGroups.meeting.stage.${stage}`)}
    </Badge>
  );
}

/**
 * One meeting of a group, from the invitation to what came of it: when and
 * where, the agenda and the documents; each invitee's answer, then who was
 * there; the minutes and decisions, the action items they gave, and who the
 * minutes were sent to. The group's managers change what may still change;
 * the others read. At /groupes-de-travail/<group>/reunions/<meeting>; a
 * meeting of a governance instance at /gouvernance/instances/<instance>/reunions/<meeting>
 * (`owner="instance"`), with governance's section (quorum, proxies, votes).
 */
export function MeetingPage({ owner = 'group' }: { owner?: MeetingOwnerKind }) {
  const { t } = useTranslation();
  const { id = '', meetingId = '' } = useParams();
  const { canManage, members } = useMeetingManager(owner, id);
  const [dialog, setDialog] = useState<'edit' | 'cancel' | null>(null);
  const [{ data, error }, refetch] = useQuery({
    query: MeetingPageDocument,
    variables: { id: meetingId },
    context: MEETING_PAGE_CONTEXT,
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: cancelling }, cancel] = useMutation(CancelMeetingDocument);
  const isInstance = owner === 'instance';
  const crumbs = isInstance
    ? [{ label: t('governance.instances.title'), to: '/gouvernance' }]
    : [{ label: t('workingGroups.title'), to: '/groupes-de-travail' }];
  if (error && !data) {
    return (
      <PageErrorState
        title={t('workingGroups.meeting.notFoundTitle')}
        crumbs={crumbs}
        error={toAppError(error)}
        onRetry={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  }
  if (!data) return <LoadingState rows={5} />;
  const meeting = data.meeting;
  const now = Date.now();
  const started = new Date(meeting.startsAt).getTime() <= now;
  const mayChange = canManage && meeting.status === 'SCHEDULED' && !started;
  // The minutes go to every current member and every invitee, once each (the API's rule, counted here to say it before sending).
  const recipients = new Set([
    ...meeting.invitees.map((i) => i.professionalId ?? i.userId),
    ...(members ?? []).map((m) => m.professionalId ?? m.userId),
  ]);
  recipients.delete(null);

  const doCancel = async () => {
    const result = await cancel({ id: meeting.id }, MEETING_CONTEXT);
    setDialog(null);
    notifications.show(
      result.data ? { color: 'teal', message: t('meetings.cancel.done') } : { color: 'red', message: toAppError(result.error)?.message },
    );
  };

  return (
    <>
      <PageHeader
        title={meeting.title}
        subtitle={
          <Group gap="xs" component="span">
            <MeetingStage meeting={meeting} now={now} />
            <span>{t(isInstance ? 'governance.meetings.ofInstance' : 'meetingReply.group', { name: meeting.ownerName })}</span>
          </Group>
        }
        crumbs={[
          ...crumbs,
          { label: meeting.ownerName, to: isInstance ? `/gouvernance/instances/${id}` : `/groupes-de-travail/${id}` },
          { label: meeting.title },
        ]}
        actions={
          mayChange && (
            <>
              <Button variant="default" leftSection={<IconPencil size={18} />} onClick={() => setDialog('edit')}>
                {t('workingGroups.meeting.edit')}
              </Button>
              <Button variant="default" c="red.9" leftSection={<IconX size={18} />} onClick={() => setDialog('cancel')}>
                {t('meetings.cancel.action')}
              </Button>
            </>
          )
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <CardSection id="meeting-invitation" title={t('workingGroups.meeting.invitation')} gap="sm">
              {meeting.status === 'CANCELLED' && (
                <Alert color="red" variant="light">
                  <Text size="sm">{t('meetings.cancelledInfo')}</Text>
                </Alert>
              )}
              <MeetingFacts startsAt={meeting.startsAt} endsAt={meeting.endsAt} place={meeting.place} videoUrl={meeting.videoUrl} />
              {meeting.frame && (
                // The group's frame opens every meeting (and every invitation): read out at the start.
                <Box>
                  <Text size="sm" fw={600}>
                    {t('workingGroups.meeting.frame')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {meeting.frame}
                  </Text>
                </Box>
              )}
              {meeting.agenda.length > 0 ? (
                <MeetingAgenda agenda={meeting.agenda} />
              ) : (
                <Text size="sm" c="gray.8">
                  {t('workingGroups.meeting.noAgenda')}
                </Text>
              )}
            </CardSection>
            <AttendanceSection meeting={meeting} canManage={canManage} started={started} />
            {meeting.ownerKind === INSTANCE_OWNER_KIND && (
              <InstanceMeetingSection meeting={meeting} canManage={canManage} started={started} />
            )}
            <MinutesSection
              meeting={meeting}
              canManage={canManage}
              started={started}
              recipientCount={recipients.size}
              onPublished={() => refetch({ requestPolicy: 'network-only' })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <MeetingDocuments meetingId={meeting.id} canManage={canManage && meeting.status === 'SCHEDULED'} />
            <MinutesActions meeting={meeting} canManage={canManage} started={started} members={members} />
            <MinutesRecipients meeting={meeting} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={dialog === 'edit'} onClose={() => setDialog(null)} title={t('workingGroups.meeting.editTitle')} centered size="lg">
        {dialog === 'edit' && (
          <MeetingForm
            groupId={id}
            memberCount={members?.length ?? 0}
            meeting={meeting}
            onDone={() => setDialog(null)}
            submitLabel={t('workingGroups.meeting.editSubmit')}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t('meetings.cancel.title')}
        cancelLabel={t('meetings.cancel.keep')}
        action={{ label: t('meetings.cancel.confirm'), color: 'red.8', loading: cancelling, onClick: () => void doCancel() }}
      >
        <Text size="sm">
          {t('meetings.cancel.explain', { title: meeting.title, when: formatParisSlot(meeting.startsAt, meeting.endsAt) })}
        </Text>
      </ConfirmModal>
    </>
  );
}
