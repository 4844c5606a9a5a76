import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ErrorState, LoadingState } from '../../../components/states';
import { graphql } from '../../../gql';
import { toAppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { PersonSection } from './PersonSection';

const PersonHistoryDocument = graphql(`
  query PersonHistory($id: ID!) {
    professional(id: $id) {
      id
      history(first: 50) {
        id
        kind
        summary
        actorName
        at
      }
    }
  }
`);

/** What happened to this person's file, newest first, and who did it. */
export function HistorySection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: PersonHistoryDocument, variables: { id: professionalId }, requestPolicy: 'cache-and-network' });
  return (
    <PersonSection title={t('person.history')}>
      {!data && error && <ErrorState error={toAppError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />}
      {!data && !error && <LoadingState rows={2} />}
      {data && data.professional.history.length === 0 && <Text size="sm">{t('person.historyEmpty')}</Text>}
      {data && data.professional.history.length > 0 && (
        <Timeline bulletSize={12} lineWidth={2}>
          {data.professional.history.map((event) => (
            <Timeline.Item key={event.id} title={<Text size="sm">{event.summary || t('person.historyErased')}</Text>}>
              <Text size="xs" c="gray.7">
                {event.actorName ? t('person.historyBy', { date: formatDateTime(event.at), name: event.actorName }) : formatDateTime(event.at)}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </PersonSection>
  );
}
