import { PasswordInput, Stack } from '@mantine/core';
import { useState } from 'react';
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

/**
 * The state of NewPasswordFields, and the check made before sending: two
 * passwords that differ are said to differ once the first is long enough for
 * the rule (a shorter one is left to the server's own message).
 */
export function useNewPassword() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | undefined>();
  const sayMismatch = () => setConfirmError(t('password.mismatch'));
  return {
    password,
    confirm,
    /** NewPasswordFields' props, but the server's error on the password. */
    fields: { password, confirm, onPassword: setPassword, onConfirm: setConfirm, confirmError },
    clearMismatch: () => setConfirmError(undefined),
    sayMismatch,
    /** True (and said under the confirmation) when the two differ and the form should not be sent. */
    checkMismatch: () => {
      if (password.length < PASSWORD_MIN_LENGTH || password === confirm) return false;
      sayMismatch();
      return true;
    },
  };
}
