import { useState } from 'react';

/** The token of an emailed link, carried in the URL fragment (#...) so it never reaches a server log. */
export function useFragmentToken(): string {
  const [token] = useState(() => decodeURIComponent(window.location.hash.replace(/^#/, '')).trim());
  return token;
}
