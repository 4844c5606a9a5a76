import { useSearchParams } from 'react-router';

/**
 * A page's filters kept in its address (shareable, kept on reload): the
 * params, a setter of one of them (empty removes it; the history is not
 * filled with every keystroke), and the raw setter for resets.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return { params, setParam, setParams };
}
