import { Text } from '@mantine/core';
import { IconMapPinOff, IconUserQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageNotice } from '../components/states';
import { useDocumentTitle } from '../lib/useDocumentTitle';

function Message({ icon, title, text, home = true }: { icon: React.ReactNode; title: string; text: string; home?: boolean }) {
  useDocumentTitle(title);
  return <PageNotice icon={icon} title={title} description={<Text c="gray.8">{text}</Text>} home={home} />;
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Message icon={<IconMapPinOff size={32} />} title={t('notFound.title')} text={t('notFound.text')} />;
}

export function NoRolePage() {
  const { t } = useTranslation();
  return <Message icon={<IconUserQuestion size={32} />} title={t('noRole.title')} text={t('noRole.text')} home={false} />;
}
