import i18n from './index';
import fr from './locales/fr.resources.json';

/* The French of the regional library (region and CPTS pages), added when one of its pages loads; the menu's labels stay in fr.json. */
i18n.addResourceBundle('fr', 'translation', fr, true, false);
