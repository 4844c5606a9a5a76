import i18n from './index';
import fr from './locales/fr.region.json';

/*
 * The French of the region's pages (its table of CPTS, a CPTS's figures and
 * charts, the observatory), added when one of them loads: kept out of the
 * bundle every visitor downloads. The menu's labels stay in fr.json.
 */
i18n.addResourceBundle('fr', 'translation', fr, true, false);
