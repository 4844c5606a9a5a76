import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AppError } from '../../lib/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The professional's id in the address (`/annuaire/:id`). A malformed one is
 * not asked for (`valid` pauses the query) and is as missing as a
 * professional of another CPTS: `notFound` says so.
 */
export function useProfessionalId(): { id: string | undefined; valid: boolean; notFound: AppError | null } {
  const { id } = useParams();
  const { t } = useTranslation();
  const valid = !!id && UUID.test(id);
  return { id, valid, notFound: valid ? null : { code: 'NOT_FOUND', message: t('directory.notFound'), fields: {} } };
}
