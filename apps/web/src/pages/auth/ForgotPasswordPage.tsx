import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { EmailInput } from '../../components/EmailInput';
import { FormAlert } from '../../components/states';
import { graphql } from '../../gql';
import { toAppError, type AppError } from '../../lib/errors';
import { AuthLayout } from './AuthLayout';

const RequestPasswordResetDocument = graphql(`
  mutation RequestPasswordReset($input: EmailInput!) {
    requestPasswordReset(input: $input)
  }
`);

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [{ fetching }, request] = useMutation(RequestPasswordResetDocument);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const result = await request({ input: { email: email.trim() } });
    if (result.data?.requestPasswordReset) setSentTo(email.trim());
    else setError(toAppError(result.error));
  };

  return (
    <AuthLayout
      title={t('forgot.title')}
      subtitle={sentTo ? undefined : t('forgot.subtitle')}
      footer={
        <Anchor component={Link} to="/connexion" ta="center" size="sm">
          {t('forgot.back')}
        </Anchor>
      }
    >
      {sentTo ? (
        <Alert color="teal" icon={<IconMailCheck size={20} />} role="status" title={t('forgot.sentTitle')}>
          <Text size="sm">{t('forgot.sent', { email: sentTo })}</Text>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <FormAlert error={error && !error.fields.email ? error : null} />
            <EmailInput autoComplete="email" value={email} onChange={setEmail} error={error?.fields.email} autoFocus />
            <Button type="submit" loading={fetching} fullWidth size="md">
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
