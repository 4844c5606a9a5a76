import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorFromBody, type AppError } from '../../lib/errors';

/**
 * What a login-free page reads from the public API: fetched fresh (no
 * session, no cache) when the address changes and on `retry`; an error
 * answer becomes the API's French message. `setData` takes the answer of a
 * later POST, which returns the resource as it now stands.
 */
export function usePublicJson<T>(url: string) {
  const { t } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setError(null);
    fetch(url, { cache: 'no-store' })
      .then(async (res) => {
        const body = await res.json().catch(() => null);
        if (!live) return;
        if (res.ok) setData(body as T);
        else setError(errorFromBody(body));
      })
      .catch(() => live && setError(networkError(t('errors.network'))));
    return () => {
      live = false;
    };
  }, [url, attempt, t]);
  return { data, setData, error, retry: () => setAttempt((a) => a + 1) };
}

export const networkError = (message: string): AppError => ({ code: 'NETWORK', message, fields: {} });

/** A POST of a public page: the resource as it now stands, or the API's French error. */
export async function postPublicJson<T>(
  url: string,
  body: unknown,
  t: (key: string) => string,
): Promise<{ data: T } | { error: AppError }> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const answer = await res.json().catch(() => null);
    return res.ok ? { data: answer as T } : { error: errorFromBody(answer) };
  } catch {
    return { error: networkError(t('errors.network')) };
  }
}
