import { Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { SurveyFieldsFragment } from '../../../gql/graphql';
import { toAppError, type AppError } from '../../../lib/errors';
import { formatDate } from '../../../lib/format';
import { EMPTY_SEGMENT, SegmentBuilder, segmentInput, type Segment } from '../campaigns/SegmentBuilder';
import { SendSurveyDocument, SURVEY_CONTEXT, SurveyGroupMeetingsDocument, SurveyGroupsDocument } from './queries';

/** Who the survey goes to: a segment of the directory (the mailings' segment builder), or the participants of a working group's meeting. */
export function SendSurveyModal({ survey, onClose }: { survey: SurveyFieldsFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const [to, setTo] = useState<'segment' | 'meeting'>('segment');
  const [segment, setSegment] = useState<Segment>(EMPTY_SEGMENT);
  const [groupId, setGroupId] = useState<string | null>(null);
  const [meetingId, setMeetingId] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [{ data: groups }] = useQuery({ query: SurveyGroupsDocument, pause: to !== 'meeting' });
  const [{ data: meetings }] = useQuery({ query: SurveyGroupMeetingsDocument, variables: { ownerId: groupId ?? '' }, pause: !groupId });
  const [{ fetching }, send] = useMutation(SendSurveyDocument);
  const submit = async () => {
    setError(null);
    const audience = to === 'segment' ? { segment: segmentInput(segment) } : { meetingId };
    const res = await send({ id: survey.id, audience }, SURVEY_CONTEXT);
    if (res.error || !res.data) return setError(toAppError(res.error));
    notifications.show({ color: 'teal', message: t('surveys.send.sent', { count: res.data.sendSurvey.recipientCount }) });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('surveys.send.title')} size="lg">
      <Stack>
        <Text size="sm">{t('surveys.send.help')}</Text>
        <FormAlert error={error} />
        <Radio.Group label={t('surveys.send.to')} value={to} onChange={(v) => setTo(v as 'segment' | 'meeting')}>
          <Stack gap="xs" mt="xs">
            <Radio value="segment" label={t('surveys.send.segment')} />
            <Radio value="meeting" label={t('surveys.send.meeting')} />
          </Stack>
        </Radio.Group>
        {to === 'segment' ? (
          <>
            <Text size="sm" c="gray.8">
              {t('surveys.send.consent')}
            </Text>
            <SegmentBuilder value={segment} onChange={setSegment} errors={error?.fields ?? {}} />
          </>
        ) : (
          <>
            <Select
              label={t('surveys.send.group')}
              data={(groups?.workingGroups ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={groupId}
              onChange={(v) => {
                setGroupId(v);
                setMeetingId(null);
              }}
              searchable
            />
            {groupId && (
              <Select
                label={t('surveys.send.meetingSelect')}
                data={(meetings?.meetings ?? [])
                  .filter((m) => m.status !== 'CANCELLED')
                  .map((m) => ({ value: m.id, label: `${m.title} — ${formatDate(m.startsAt)}` }))}
                value={meetingId}
                onChange={setMeetingId}
                nothingFoundMessage={t('surveys.send.noMeeting')}
              />
            )}
          </>
        )}
        <DialogButtons
          onCancel={onClose}
          action={{ label: t('surveys.send.confirm'), onClick: submit, loading: fetching, disabled: to === 'meeting' && !meetingId }}
        />
      </Stack>
    </Modal>
  );
}
