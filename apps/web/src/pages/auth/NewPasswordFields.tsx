import { PasswordInput, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A new password typed twice, with the server's rule said up front. */
export function NewPasswordFields({
  password,
  confirm,
  onPassword,
  onConfirm,
  error,
  confirmError,
}: {
  password: string;
  confirm: string;
  onPassword: (v: string) => void;
  onConfirm: (v: string) => void;
  error?: string;
  confirmError?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordInput
        label={t('fields.newPassword')}
        description={t('password.rule')}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={error}
      />
      <PasswordInput
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        value={confirm}
        onChange={(e) => onConfirm(e.currentTarget.value)}
        error={confirmError}
      />
    </Stack>
  );
}

export const PASSWORD_MIN_LENGTH = 12;
