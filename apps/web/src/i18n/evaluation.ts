import i18n from './index';
import fr from './locales/fr.evaluation.json';

/*
 * The French of the dialogue de gestion (fiches action and the year's file),
 * added when one of its pages loads (each imports this module), so it stays
 * out of the bundle every visitor downloads. The menu's label is in fr.json.
 */
i18n.addResourceBundle('fr', 'translation', fr, true, false);
