// React Query keys shared by the inbox list and the thread view, so a change made in one place
// (a reply, a status change, a live event) can update or invalidate the other.
export const inboxKeys = {
  all: ["inbox"] as const,
  /** Every list page, whatever its filters: invalidate this after any thread change. */
  lists: () => ["inbox", "threads"] as const,
  list: (filters: Record<string, string>) => ["inbox", "threads", filters] as const,
  /** The sidebar: counts and saved views. */
  counts: () => ["inbox", "counts"] as const,
  tags: () => ["inbox", "tags"] as const,
  savedReplies: () => ["inbox", "saved-replies"] as const,
  thread: (id: number) => ["inbox", "thread", id] as const,
};
