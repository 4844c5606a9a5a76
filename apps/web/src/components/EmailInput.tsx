import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A required email address: the address keyboard on a phone, "Adresse e-mail" unless labelled otherwise. */
export function EmailInput({
  label,
  value,
  onChange,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label ?? t('fields.email')}
      type="email"
      inputMode="email"
      required
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      {...props}
    />
  );
}
