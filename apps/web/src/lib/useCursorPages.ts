import { useEffect, useState } from 'react';
import { type AnyVariables, type OperationContext, type RequestPolicy, type TypedDocumentNode, useQuery } from 'urql';
import { graphql } from '../gql';

/** What the hook reads of a list's `pageInfo`: the lists' queries select it. */
const CursorPageInfo = graphql(`
  fragment CursorPageInfo on PageInfo {
    hasNextPage
    endCursor
  }
`);
void CursorPageInfo;

export interface CursorPage<E> {
  edges: E[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * A Relay list shown page after page: `more()` fetches the next page and
 * shows it under those already shown. The caller remounts the list (a React
 * key) when its filter changes, so the pages start again from the first.
 */
export function useCursorPages<Data, Vars extends AnyVariables, E>(
  query: TypedDocumentNode<Data, Vars>,
  variables: Omit<Vars, 'after'>,
  select: (data: Data) => CursorPage<E>,
  options: { context?: Partial<OperationContext>; requestPolicy?: RequestPolicy } = {},
) {
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pages, setPages] = useState<Record<string, E[]>>({});
  const after = cursors[cursors.length - 1];
  const [{ data, error, fetching }, refetch] = useQuery<Data, Vars>({
    query,
    variables: { ...variables, after } as unknown as Vars,
    context: options.context,
    requestPolicy: options.requestPolicy,
  });
  const page = data ? select(data) : null;
  useEffect(() => {
    if (page) setPages((p) => ({ ...p, [after ?? '']: page.edges }));
    // `page` is derived from `data`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, after]);
  const edges = cursors.flatMap((c) => pages[c ?? ''] ?? []);
  const next = page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  return {
    edges,
    /** Items matching, all pages together; null until the first page came. */
    totalCount: page?.totalCount ?? null,
    fetching,
    error,
    retry: () => refetch({ requestPolicy: 'network-only' }),
    /** Loads the next page; null on the last one. */
    more: next ? () => setCursors((c) => [...c, next]) : null,
  };
}
