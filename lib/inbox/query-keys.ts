// React Query keys shared by the inbox list and the thread view, so a change made in one place
// (a reply, a status change, a live event) can update or invalidate the other.
export const inboxKeys = {
  all: ["inbox"] as const,
  /** Every list page, whatever its filters: invalidate this after any thread change. */
  lists: () => ["inbox", "threads"] as const,
  list: (filters: Record<string, string>) => ["inbox", "threads", filters] as const,
  counts: () => ["inbox", "counts"] as const,
  thread: (id: number) => ["inbox", "thread", id] as const,
};
