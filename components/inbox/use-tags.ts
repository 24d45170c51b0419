"use client";
// The desk's tags for the list and the thread (hydrated by the inbox layout, refreshed when an
// admin changes them), and their chip.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { inboxKeys } from "@/lib/inbox/query-keys";
import type { TagView } from "@/lib/tags/palette";
import { useLiveEvent } from "@/components/live/live-events-provider";

async function fetchTags(): Promise<TagView[]> {
  const response = await fetch("/api/tags", { headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`tags: ${response.status}`);
  return ((await response.json()) as { tags: TagView[] }).tags;
}

export function useTags(): TagView[] {
  const qc = useQueryClient();
  const { data } = useQuery({ queryKey: inboxKeys.tags(), queryFn: fetchTags, staleTime: 60_000 });
  useLiveEvent(["tag.changed"], () => void qc.invalidateQueries({ queryKey: inboxKeys.tags() }));
  return data ?? [];
}
