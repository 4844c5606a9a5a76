import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CardSection } from '../../../components/CardSection';
import type { CallProjectQuery } from '../../../gql/graphql';
import { downloadFile } from '../../../lib/download';
import { formatDateTime } from '../../../lib/format';
import { formatSize } from '../working-groups/MeetingDocuments';
import '../../../i18n/calls';

type Doc = CallProjectQuery['callProject']['documents'][number];

/** The project's documents (the proposer adds them through their link): downloaded with the session, by the team and the board. */
export function ProjectDocuments({ documents }: { documents: Doc[] }) {
  const { t } = useTranslation();
  const download = async (doc: Doc) => {
    const failure = await downloadFile(doc.url, doc.fileName);
    if (failure) notifications.show({ color: 'red', message: failure.message });
  };
  return (
    <CardSection id="project-documents" title={t('calls.documents.title', { count: documents.length })} gap="sm">
      {documents.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('calls.documents.none')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {documents.map((d) => (
            <Paper key={d.id} withBorder p="xs" radius="md" component="li" aria-label={d.fileName}>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={600}
                  ta="left"
                  onClick={() => void download(d)}
                  aria-label={t('workingGroups.documents.download', { name: d.fileName })}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  <IconPaperclip size={14} aria-hidden style={{ verticalAlign: 'middle', marginRight: 4 }} />
                  {d.fileName}
                </Anchor>
                <Text size="xs" c="gray.8">
                  {[
                    formatSize(d.bytes),
                    d.byProposer ? t('calls.documents.byProposer') : t('calls.documents.byTeam'),
                    t('workingGroups.documents.addedOn', { date: formatDateTime(d.uploadedAt) }),
                  ].join(' · ')}
                </Text>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </CardSection>
  );
}
