import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** What the identity form offers (from the call's or the project's public answer). */
export interface IdentityChoices {
  professions: Array<{ code: string; label: string }>;
  communes: Array<{ code: string; name: string }>;
}

export interface Identity {
  rpps: string;
  firstName: string;
  lastName: string;
  professionCode: string | null;
  communeCode: string | null;
}

export const EMPTY_IDENTITY: Identity = { rpps: '', firstName: '', lastName: '', professionCode: null, communeCode: null };

/** The body the public routes take: blank choices as empty text (the API says which are missing, in French). */
export const identityBody = (who: Identity) => ({ ...who, professionCode: who.professionCode ?? '', communeCode: who.communeCode ?? '' });

/**
 * Who someone is, for the CPTS's directory: the RPPS number (enough alone),
 * else the name, the profession and the commune of practice (among the
 * territory's). The API's French messages show under each field.
 */
export function IdentityFields({
  value,
  onChange,
  choices,
  errors,
  disabled,
}: {
  value: Identity;
  onChange: (value: Identity) => void;
  choices: IdentityChoices;
  errors: Record<string, string>;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof Identity>(key: K, v: Identity[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="sm">
      <TextInput
        label={t('identity.rpps')}
        description={t('identity.rppsHelp')}
        inputMode="numeric"
        autoComplete="off"
        maxLength={20}
        value={value.rpps}
        onChange={(e) => set('rpps', e.currentTarget.value)}
        error={errors.rpps}
        disabled={disabled}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <TextInput
          label={t('identity.firstName')}
          autoComplete="given-name"
          value={value.firstName}
          onChange={(e) => set('firstName', e.currentTarget.value)}
          error={errors.firstName}
          disabled={disabled}
        />
        <TextInput
          label={t('identity.lastName')}
          autoComplete="family-name"
          value={value.lastName}
          onChange={(e) => set('lastName', e.currentTarget.value)}
          error={errors.lastName}
          disabled={disabled}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="sm">
        <Select
          label={t('identity.profession')}
          placeholder={t('identity.choose')}
          searchable
          nothingFoundMessage={t('identity.nothingFound')}
          data={choices.professions.map((p) => ({ value: p.code, label: p.label }))}
          value={value.professionCode}
          onChange={(v) => set('professionCode', v)}
          error={errors.professionCode}
          disabled={disabled}
        />
        <Select
          label={t('identity.commune')}
          placeholder={t('identity.choose')}
          searchable
          nothingFoundMessage={t('identity.nothingFound')}
          data={choices.communes.map((c) => ({ value: c.code, label: c.name }))}
          value={value.communeCode}
          onChange={(v) => set('communeCode', v)}
          error={errors.communeCode}
          disabled={disabled}
        />
      </SimpleGrid>
    </Stack>
  );
}
