import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab names the page, then the app: "Équipe · Plateforme CPTS". */
export function useDocumentTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}
