import i18n from './index';
import fr from './locales/fr.calls.json';

/*
 * The French of the calls for projects and the payments, added when one of
 * their pages loads (each imports this module): the staff's and the
 * treasurer's words stay out of the bundle every visitor downloads (the
 * public pages' script budget, apps/web-e2e/test/public-pages.spec.ts).
 * The menu's labels stay in fr.json.
 */
i18n.addResourceBundle('fr', 'translation', fr, true, false);
