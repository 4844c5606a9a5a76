import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconGavel, IconMessageQuestion, IconPlayerPlay } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { DialogButtons } from '../../../components/ConfirmModal';
import { FormAlert } from '../../../components/states';
import type { CallEnvelopeFieldsFragment, CallProjectQuery } from '../../../gql/graphql';
import { formLevelError, toAppError, type AppError } from '../../../lib/errors';
import { PutToBureauDialog } from './BureauDialogs';
import { decisionIs } from './labels';
import {
  CALL_CONTEXT,
  MarkProjectReadyDocument,
  RequestProjectChangesDocument,
  ReturnProjectToReviewDocument,
  StartProjectReviewDocument,
} from './queries';
import '../../../i18n/calls';

type Project = CallProjectQuery['callProject'];
type Dialog = 'changes' | 'ready' | 'back' | 'bureau' | null;

/**
 * The team's moves on a project under review, as buttons of its page:
 * start the review, ask the proposer for changes (the note is required: it
 * goes to them by email), mark it ready for the bureau, take it back to the
 * review, put it to the bureau. Each error is shown above the page.
 */
export function useProjectActions(p: Project, envelope: CallEnvelopeFieldsFragment | null, onError: (error: AppError | null) => void) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [{ fetching: starting }, start] = useMutation(StartProjectReviewDocument);
  const voting = decisionIs(p.decision, 'open');

  const doStart = async () => {
    onError(null);
    const result = await start({ id: p.id }, CALL_CONTEXT);
    if (result.error) return onError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.actions.startDone') });
  };

  const buttons = (
    <>
      {p.status === 'SUBMITTED' && (
        <Button leftSection={<IconPlayerPlay size={18} aria-hidden />} loading={starting} onClick={() => void doStart()}>
          {t('calls.actions.start')}
        </Button>
      )}
      {(p.status === 'SUBMITTED' || p.status === 'UNDER_REVIEW') && (
        <Button
          variant={p.status === 'SUBMITTED' ? 'default' : 'filled'}
          leftSection={<IconCheck size={18} aria-hidden />}
          onClick={() => setDialog('ready')}
        >
          {t('calls.actions.ready')}
        </Button>
      )}
      {p.status === 'READY_FOR_BUREAU' && !voting && envelope && (
        <Button leftSection={<IconGavel size={18} aria-hidden />} onClick={() => setDialog('bureau')}>
          {t('calls.actions.bureau')}
        </Button>
      )}
      {p.status === 'READY_FOR_BUREAU' && !voting && (
        <Button variant="default" leftSection={<IconArrowBackUp size={18} aria-hidden />} onClick={() => setDialog('back')}>
          {t('calls.actions.back')}
        </Button>
      )}
      {(p.status === 'SUBMITTED' || p.status === 'UNDER_REVIEW' || (p.status === 'READY_FOR_BUREAU' && !voting)) && (
        <Button variant="default" leftSection={<IconMessageQuestion size={18} aria-hidden />} onClick={() => setDialog('changes')}>
          {t('calls.actions.changes')}
        </Button>
      )}
    </>
  );

  const dialogs = (
    <>
      {dialog === 'changes' && <ChangesDialog projectId={p.id} onClose={() => setDialog(null)} />}
      {(dialog === 'ready' || dialog === 'back') && <NoteDialog projectId={p.id} kind={dialog} onClose={() => setDialog(null)} />}
      {dialog === 'bureau' && envelope && (
        <PutToBureauDialog projects={[p]} envelope={envelope} onClose={() => setDialog(null)} onDone={() => setDialog(null)} />
      )}
    </>
  );
  return { buttons, dialogs };
}

/** "Demander des modifications": the form reopens for the proposer; the note (required) goes to the thread and to them by email. */
function ChangesDialog({ projectId, onClose }: { projectId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, request] = useMutation(RequestProjectChangesDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!note.trim())
      return setError({
        code: 'BAD_USER_INPUT',
        message: t('calls.actions.noteMissing'),
        fields: { note: t('calls.actions.noteMissing') },
      });
    const result = await request({ id: projectId, note: note.trim() }, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t('calls.actions.changesDone') });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('calls.actions.changesTitle')} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('calls.actions.changesExplain')}</Text>
          <Textarea
            label={t('calls.actions.changesNote')}
            required
            autosize
            minRows={4}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={error?.fields.note}
            data-autofocus
          />
          <FormAlert error={formLevelError(error, (f) => f === 'note')} />
          <DialogButtons onCancel={onClose} action={{ label: t('calls.actions.changesConfirm'), loading: fetching }} />
        </Stack>
      </form>
    </Modal>
  );
}

/** "Prêt pour le bureau" or "Revenir à l'étude", with an optional note for the history. */
function NoteDialog({ projectId, kind, onClose }: { projectId: string; kind: 'ready' | 'back'; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching: marking }, markReady] = useMutation(MarkProjectReadyDocument);
  const [{ fetching: returning }, returnToReview] = useMutation(ReturnProjectToReviewDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const variables = { id: projectId, note: note.trim() || null };
    const result = kind === 'ready' ? await markReady(variables, CALL_CONTEXT) : await returnToReview(variables, CALL_CONTEXT);
    if (result.error) return setError(toAppError(result.error));
    notifications.show({ color: 'teal', message: t(`calls.actions.${kind}Done`) });
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t(`calls.actions.${kind}Title`)} centered size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t(`calls.actions.${kind}Explain`)}</Text>
          <Textarea
            label={t('calls.actions.note')}
            description={t('calls.actions.noteHelp')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <FormAlert error={error} />
          <DialogButtons onCancel={onClose} action={{ label: t(`calls.actions.${kind}Confirm`), loading: marking || returning }} />
        </Stack>
      </form>
    </Modal>
  );
}
