import i18n from '../i18n';
import { errorFromBody, type AppError } from './errors';
import { session } from './session';

/**
 * Sends a file as the body of a POST (application/octet-stream), with the
 * session's access token, reporting the bytes sent: extraction files weigh
 * hundreds of megabytes, so the staff see the upload move. XMLHttpRequest,
 * because fetch() reports no upload progress.
 */
export async function uploadFile<T>(
  url: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
  headers: Record<string, string> = {},
): Promise<{ data: T } | { error: AppError }> {
  if (session.expiresSoon(60_000)) await session.refresh();
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: { data?: T } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve(xhr.status < 300 && body?.data ? { data: body.data } : { error: errorFromBody(body) });
    };
    xhr.onerror = () => resolve({ error: { code: 'NETWORK', message: i18n.t('errors.network'), fields: {} } });
    xhr.send(file);
  });
}
