import i18n from '../i18n';
import { errorFromBody, type AppError } from './errors';
import { session } from './session';

/**
 * Downloads a file the API makes (an export) with the session's access token:
 * a plain link cannot carry it, so the file is fetched, then saved from memory.
 */
export async function downloadFile(url: string, fileName: string): Promise<AppError | null> {
  if (session.expiresSoon(60_000)) await session.refresh();
  let res: Response;
  try {
    res = await fetch(url, { headers: session.token ? { authorization: `Bearer ${session.token}` } : {} });
  } catch {
    return { code: 'NETWORK', message: i18n.t('errors.network'), fields: {} };
  }
  if (!res.ok) return errorFromBody(await res.json().catch(() => null));
  const href = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return null;
}
