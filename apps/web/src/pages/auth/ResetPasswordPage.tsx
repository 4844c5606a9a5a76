import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { FormAlert } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError, type AppError } from '../../lib/errors';
import { session } from '../../lib/session';
import { AuthLayout } from './AuthLayout';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields';
import { useFragmentToken } from './useFragmentToken';

const ResetPasswordDocument = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      email
    }
  }
`);

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const navigate = useNavigate();
  const newPassword = useNewPassword();
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, reset] = useMutation(ResetPasswordDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    newPassword.clearMismatch();
    if (newPassword.checkMismatch()) return;
    const result = await reset({ input: { token, password: newPassword.password } });
    const email = result.data?.resetPassword.email;
    if (email) {
      // Every session of the account has just been ended, this one too.
      session.signedOut();
      navigate(`/connexion?reinitialise=1&email=${encodeURIComponent(email)}`, { replace: true });
      return;
    }
    const appError = toAppError(result.error);
    if (!appError?.fields.password && newPassword.password !== newPassword.confirm) newPassword.sayMismatch();
    setError(appError);
  };

  const linkDead = error?.code === 'NOT_FOUND';
  return (
    <AuthLayout
      title={t('reset.title')}
      subtitle={t('reset.subtitle')}
      footer={
        <Anchor component={Link} to="/connexion" ta="center" size="sm">
          {t('forgot.back')}
        </Anchor>
      }
    >
      {!token ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('reset.noTokenTitle')}>
          {t('reset.noToken')}{' '}
          <Anchor component={Link} to="/mot-de-passe/oubli">
            {t('reset.askAgain')}
          </Anchor>
        </Alert>
      ) : linkDead ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert" title={t('reset.deadTitle')}>
          {error.message}{' '}
          <Anchor component={Link} to="/mot-de-passe/oubli">
            {t('reset.askAgain')}
          </Anchor>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert error={error && !error.fields.password ? error : null} />
            <NewPasswordFields {...newPassword.fields} error={error?.fields.password} />
            <Button type="submit" loading={fetching} fullWidth size="md">
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
