import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { PageErrorState } from '../../../components/states';
import type { AciMission, MeetingReply, WorkingGroupRole, WorkingGroupStatus } from '../../../gql/graphql';
import { toAppError } from '../../../lib/errors';

/** The six ACI missions, in the order of the agreement. */
export const MISSIONS: AciMission[] = ['ACCESS_TO_CARE', 'CARE_PATHWAYS', 'PREVENTION', 'HEALTH_CRISES', 'QUALITY', 'PROFESSIONAL_SUPPORT'];
export const GROUP_STATUSES: WorkingGroupStatus[] = ['ACTIVE', 'PAUSED', 'CLOSED'];
export const ROLES: WorkingGroupRole[] = ['MEMBER', 'REFERENT'];
export const REPLIES: MeetingReply[] = ['PRESENT', 'ABSENT', 'EXCUSED'];

const statusColor: Record<WorkingGroupStatus, string> = { ACTIVE: 'teal', PAUSED: 'yellow', CLOSED: 'gray' };
const replyColor: Record<MeetingReply, string> = { PRESENT: 'teal', ABSENT: 'red', EXCUSED: 'yellow' };

/** A group's status; never shortened, even in a narrow column. */
export function GroupStatusBadge({ status }: { status: WorkingGroupStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} tt="none" miw="max-content">
      {t(`workingGroups.status.${status}`)}
    </Badge>
  );
}

/** The group's ACI missions, in French. */
export function MissionBadges({ missions }: { missions: AciMission[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {missions.map((m) => (
        <Badge key={m} color="brand" variant="outline" tt="none" size="sm">
          {t(`workingGroups.missions.${m}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** An invitee's answer, or that they have not answered yet. */
export function ReplyBadge({ reply }: { reply: MeetingReply | null }) {
  const { t } = useTranslation();
  return (
    <Badge color={reply ? replyColor[reply] : 'gray'} tt="none" miw="max-content">
      {reply ? t(`meetings.reply.${reply}`) : t('meetings.noReply')}
    </Badge>
  );
}

/** A group's page (or form) whose group could not be read: where it was, then why (another's group does not exist for them). */
export function GroupErrorState({ error, onRetry }: { error: CombinedError; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <PageErrorState
      title={t('workingGroups.notFoundTitle')}
      crumbs={[{ label: t('workingGroups.title'), to: '/groupes-de-travail' }]}
      error={toAppError(error)}
      onRetry={onRetry}
    />
  );
}
