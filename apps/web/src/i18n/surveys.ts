import i18n from './index';
import fr from './locales/fr.surveys.json';

/*
 * The French of the surveys, added when one of their pages loads (each
 * imports this module), the public answer page included: it stays out of
 * the bundle every other visitor downloads. The menu's label stays in fr.json.
 */
i18n.addResourceBundle('fr', 'translation', fr, true, false);
