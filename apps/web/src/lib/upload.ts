import i18n from '../i18n';
import type { AppError, ErrorCode } from './errors';
import { session } from './session';

/**
 * Sends a file as the body of a POST (application/octet-stream), with the
 * session's access token, reporting the bytes sent: extraction files weigh
 * hundreds of megabytes, so the staff see the upload move. XMLHttpRequest,
 * because fetch() reports no upload progress.
 */
export async function uploadFile<T>(url: string, file: File, onProgress: (sent: number, total: number) => void): Promise<{ data: T } | { error: AppError }> {
  if (session.expiresSoon(60_000)) await session.refresh();
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    if (session.token) xhr.setRequestHeader('authorization', `Bearer ${session.token}`);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let body: { data?: T; errors?: Array<{ message: string; extensions?: { code?: string; fields?: Array<{ field: string; message: string }> } }> } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status < 300 && body?.data) return resolve({ data: body.data });
      const first = body?.errors?.[0];
      const code = (first?.extensions?.code as ErrorCode | undefined) ?? 'INTERNAL';
      const fields = Object.fromEntries((first?.extensions?.fields ?? []).map((f) => [f.field, f.message]));
      resolve({ error: { code, message: code === 'INTERNAL' || !first ? i18n.t('errors.internal') : first.message, fields } });
    };
    xhr.onerror = () => resolve({ error: { code: 'NETWORK', message: i18n.t('errors.network'), fields: {} } });
    xhr.send(file);
  });
}
