import { Anchor, Card, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPhone } from '../../../lib/format';

export interface FollowUpContactView {
  deliveryId: string;
  professionalId?: string | null;
  lastName?: string | null;
  firstName?: string | null;
  profession?: { label: string } | null;
  /** Every current practice site's commune, the main one first. */
  communes: Array<{ name: string }>;
  phone?: string | null;
  email: string;
}

const communesOf = (c: FollowUpContactView) => c.communes.map((x) => x.name).join(', ');

const telHref = (phone: string) => `tel:${phone.replace(/[\s.]/g, '')}`;

/**
 * People to call back (the "relance téléphonique"), whatever they did not
 * act on: a table on wide screens, cards on a phone, each number a tel: link.
 */
export function FollowUpContacts({ contacts, caption }: { contacts: FollowUpContactView[]; caption: string }) {
  const { t } = useTranslation();
  const name = (c: FollowUpContactView) => (c.lastName ? `${c.lastName.toLocaleUpperCase('fr-FR')} ${c.firstName ?? ''}`.trim() : c.email);
  const person = (c: FollowUpContactView) =>
    c.professionalId ? (
      <Anchor component={Link} to={`/annuaire/${c.professionalId}`} fw={600}>
        {name(c)}
      </Anchor>
    ) : (
      <Text fw={600} span>
        {name(c)}
      </Text>
    );
  const phone = (c: FollowUpContactView) =>
    c.phone ? (
      <Anchor href={telHref(c.phone)} aria-label={t('followUp.call', { name: name(c), phone: formatPhone(c.phone) })}>
        {formatPhone(c.phone)}
      </Anchor>
    ) : (
      <Text span c="gray.8" size="sm">
        {t('followUp.noPhone')}
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={640} visibleFrom="md">
        <Table verticalSpacing="sm" striped>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('followUp.person')}</Table.Th>
              <Table.Th scope="col">{t('followUp.profession')}</Table.Th>
              <Table.Th scope="col">{t('followUp.commune')}</Table.Th>
              <Table.Th scope="col">{t('followUp.phone')}</Table.Th>
              <Table.Th scope="col">{t('followUp.email')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.map((c) => (
              <Table.Tr key={c.deliveryId}>
                <Table.Td>{person(c)}</Table.Td>
                <Table.Td>{c.profession?.label ?? '—'}</Table.Td>
                <Table.Td>{communesOf(c) || '—'}</Table.Td>
                <Table.Td>{phone(c)}</Table.Td>
                <Table.Td className="break">{c.email}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap="xs" hiddenFrom="md" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={caption}>
        {contacts.map((c) => (
          <Card key={c.deliveryId} withBorder padding="sm" component="li">
            {person(c)}
            <Text size="sm">{[c.profession?.label, communesOf(c)].filter(Boolean).join(' · ')}</Text>
            {phone(c)}
          </Card>
        ))}
      </Stack>
    </>
  );
}
