import { Alert, Anchor, Button, List, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconMailOpened } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../auth/useSession';
import { roleLabel } from '../../components/roles';
import { FormAlert, LoadingState } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError, type AppError } from '../../lib/errors';
import { formatDate } from '../../lib/format';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { useFragmentToken } from './useFragmentToken';

const InvitationPreviewDocument = graphql(`
  query InvitationPreview($token: String!) {
    invitationPreview(token: $token) {
      email
      role
      organisationName
      expiresAt
      accountExists
    }
  }
`);

const AcceptInvitationDocument = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      email
      accountCreated
    }
  }
`);

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const navigate = useNavigate();
  const { status } = useSession();
  const [{ data, fetching, error: previewError }, retry] = useQuery({ query: InvitationPreviewDocument, variables: { token }, pause: !token, requestPolicy: 'network-only' });
  const [{ fetching: accepting }, accept] = useMutation(AcceptInvitationDocument);
  const [displayName, setDisplayName] = useState('');
  const newPassword = useNewPassword();
  const [error, setError] = useState<AppError | null>(null);

  const preview = data?.invitationPreview;
  const previewFailure = toAppError(previewError);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    newPassword.clearMismatch();
    if (!preview) return;
    if (!preview.accountExists && newPassword.checkMismatch()) return;
    const result = await accept({ input: preview.accountExists ? { token } : { token, displayName: displayName.trim(), password: newPassword.password } });
    const accepted = result.data?.acceptInvitation;
    if (accepted) {
      if (status === 'signedIn') {
        // New roles: start again from a fresh session so everything shows them.
        window.location.assign('/');
        return;
      }
      navigate(`/connexion?bienvenue=1&email=${encodeURIComponent(accepted.email)}`, { replace: true });
      return;
    }
    setError(toAppError(result.error));
  };

  let body;
  if (!token) {
    body = (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('invitation.noTokenTitle')}>
        {t('invitation.noToken')}
      </Alert>
    );
  } else if (fetching && !preview) {
    body = <LoadingState label={t('invitation.checking')} />;
  } else if (previewFailure) {
    body = (
      <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('invitation.unusableTitle')}>
        <Stack gap="xs">
          <Text size="sm">{previewFailure.message}</Text>
          {previewFailure.code === 'NETWORK' ? (
            <Button size="xs" variant="default" onClick={() => retry({ requestPolicy: 'network-only' })}>
              {t('common.retry')}
            </Button>
          ) : (
            <Anchor component={Link} to="/connexion" size="sm">
              {t('invitation.goSignIn')}
            </Anchor>
          )}
        </Stack>
      </Alert>
    );
  } else if (preview) {
    const linkDead = error?.code === 'NOT_FOUND';
    body = (
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert color="brand" variant="light" icon={<IconMailOpened size={18} />}>
            <List size="sm" spacing={2} listStyleType="none">
              <List.Item>
                {t('invitation.organisation')} <strong>{preview.organisationName}</strong>
              </List.Item>
              <List.Item>
                {t('invitation.role')} <strong>{roleLabel(preview.role)}</strong>
              </List.Item>
              <List.Item>
                {t('invitation.email')} <strong className="break">{preview.email}</strong>
              </List.Item>
              <List.Item>{t('invitation.expires', { date: formatDate(preview.expiresAt) })}</List.Item>
            </List>
          </Alert>
          <FormAlert error={error && !error.fields.password && !error.fields.displayName ? error : null} />
          {linkDead ? null : preview.accountExists ? (
            <Text size="sm">{t('invitation.accountExists', { email: preview.email })}</Text>
          ) : (
            <>
              <TextInput
                label={t('fields.displayName')}
                description={t('invitation.displayNameHelp')}
                autoComplete="name"
                required
                value={displayName}
                onChange={(e) => setDisplayName(e.currentTarget.value)}
                error={error?.fields.displayName}
              />
              <NewPasswordFields {...newPassword.fields} error={error?.fields.password} />
            </>
          )}
          {!linkDead && (
            <Button type="submit" loading={accepting} fullWidth size="md">
              {preview.accountExists ? t('invitation.join') : t('invitation.create')}
            </Button>
          )}
        </Stack>
      </form>
    );
  }

  return (
    <AuthLayout title={t('invitation.title')} subtitle={preview && !preview.accountExists ? t('invitation.subtitle') : undefined}>
      {body}
    </AuthLayout>
  );
}
