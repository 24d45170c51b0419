"use client";
// The inbox list's React Query entry, shared by the list (which shows it) and the links that
// switch views (which prefetch it on hover, so the click paints rows that are already here).
import { infiniteQueryOptions, type QueryClient } from "@tanstack/react-query";
import type { InboxListResponse } from "@/lib/inbox/views";
import { pickFilters, type FilterValues } from "@/lib/inbox/filters";
import { inboxKeys } from "@/lib/inbox/query-keys";

export class ListError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function fetchPage(filters: FilterValues, cursor: string | null, signal?: AbortSignal): Promise<InboxListResponse> {
  const params = new URLSearchParams(filters as Record<string, string>);
  if (cursor) params.set("cursor", cursor);
  // The signal: a search typed on (or a view left) before its answer came cancels the request.
  const response = await fetch(`/api/inbox/threads?${params}`, { headers: { accept: "application/json" }, signal });
  if (response.status === 414 || response.status === 431) throw new ListError("Search text is too long.", response.status);
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new ListError(body?.error ?? "The list could not be loaded.", response.status);
  }
  return response.json() as Promise<InboxListResponse>;
}

export function listQuery(filters: FilterValues) {
  return infiniteQueryOptions({
    queryKey: inboxKeys.list(filters as Record<string, string>),
    queryFn: ({ pageParam, signal }) => fetchPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: InboxListResponse) => last.nextCursor,
    retry: (count: number, error: Error) => !(error instanceof ListError && error.status < 500) && count < 1,
  });
}

/** Loads the first page of the list an inbox link leads to, unless the cache holds it fresh. */
export function prefetchListFor(qc: QueryClient, href: string): void {
  const url = new URL(href, window.location.href);
  void qc.prefetchInfiniteQuery(listQuery(pickFilters(url.searchParams)));
}
