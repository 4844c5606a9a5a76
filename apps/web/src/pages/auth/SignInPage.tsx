import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { useSession } from '../../auth/useSession';
import { FullPageLoader } from '../../components/FullPageLoader';
import { EmailInput } from '../../components/EmailInput';
import { FormAlert } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError, type AppError } from '../../lib/errors';
import { session } from '../../lib/session';
import { AuthLayout } from './AuthLayout';

const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      accessTokenExpiresAt
    }
  }
`);

/** Only paths of this app, never another site (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const state = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [{ fetching }, login] = useMutation(LoginDocument);
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const next = safeNext(params.get('suite'));

  if (state.status === 'loading') return <FullPageLoader />;
  if (state.status === 'signedIn' && !fetching) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await login({ input: { email: email.trim(), password } });
    const payload = result.data?.login;
    if (payload) {
      session.signedIn(payload);
      navigate(next, { replace: true });
      return;
    }
    setError(toAppError(result.error));
    setPassword('');
  };

  const notice = params.get('deconnecte')
    ? t('signIn.signedOut')
    : params.get('reinitialise')
      ? t('signIn.passwordChanged')
      : params.get('bienvenue')
        ? t('signIn.welcome')
        : null;

  return (
    <AuthLayout title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      {notice && (
        <Alert color="teal" icon={<IconInfoCircle size={18} />} role="status">
          {notice}
        </Alert>
      )}
      {state.endedReason && !notice && (
        <Alert color="orange" icon={<IconInfoCircle size={18} />} role="status">
          {state.endedReason}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormAlert error={error && !error.fields.email && !error.fields.password ? error : null} />
          <EmailInput autoComplete="username" value={email} onChange={setEmail} error={error?.fields.email} autoFocus />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error?.fields.password}
          />
          <Button type="submit" loading={fetching} fullWidth size="md">
            {t('signIn.submit')}
          </Button>
          <Anchor component={Link} to={`/mot-de-passe/oubli${email ? `?email=${encodeURIComponent(email.trim())}` : ''}`} size="sm" ta="center">
            {t('signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
