import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconMessage } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';

// Shared by the public vote page and the signed-in decision page: Mantine and i18n only.

export interface CommentRow {
  authorName: string;
  body: string;
  createdAt: string;
}

/**
 * What the voters (and the team) say about a decision while it is open:
 * oldest first; a comment is added while the vote is open, and the API's
 * French error shows under the field.
 */
export function DecisionComments({
  comments,
  canComment,
  onAdd,
}: {
  comments: CommentRow[];
  canComment: boolean;
  onAdd: (body: string) => Promise<AppError | null>;
}) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return setError({ code: 'BAD_USER_INPUT', message: t('governance.vote.commentEmpty'), fields: {} });
    setSaving(true);
    setError(null);
    const failure = await onAdd(body.trim());
    setSaving(false);
    if (failure) return setError(failure);
    setBody('');
  };

  return (
    <Stack gap="sm">
      {comments.length === 0 ? (
        <Text size="sm" c="gray.8">
          {t('governance.vote.noComments')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {comments.map((c, i) => (
            <Paper key={`${c.createdAt}-${i}`} withBorder p="sm" radius="md" component="li">
              <Text size="xs" c="gray.8" mb={4}>
                {t('governance.vote.commentBy', { name: c.authorName, date: formatDateTime(c.createdAt) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {c.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {canComment && (
        <form onSubmit={submit} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('governance.vote.commentLabel')}
              description={t('governance.vote.commentHelp')}
              autosize
              minRows={2}
              maxLength={5000}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            {error && (
              <Alert color="red" role="alert" icon={<IconAlertTriangle size={18} aria-hidden />}>
                <Text size="sm">{error.fields.body ?? error.message}</Text>
              </Alert>
            )}
            <Group>
              <Button type="submit" variant="light" loading={saving} leftSection={<IconMessage size={16} aria-hidden />}>
                {t('governance.vote.commentSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
