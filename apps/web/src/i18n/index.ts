import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from './locales/fr.json';

// The interface speaks French, and French lacks no key (scripts/check-i18n.mjs). English (en.json, kept in step by
// the same check) is not shipped until the interface offers it: every visitor would download it for nothing.
void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr } },
  lng: 'fr',
  fallbackLng: 'fr',
  supportedLngs: ['fr'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
