"use client";
// The list view lives in the URL: these helpers read its filters and build links that change one
// of them while keeping the rest (and the open thread).
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { FILTER_KEYS, pickFilters, type FilterValues } from "@/lib/inbox/filters";

export type { FilterValues };

export function useInboxFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => pickFilters(new URLSearchParams(searchParams.toString())), [searchParams]);
  const query = useMemo(() => new URLSearchParams(filters as Record<string, string>).toString(), [filters]);

  /** A link to `path` (default: the current page) with `patch` applied to the filters. */
  const hrefWith = useCallback(
    (patch: FilterValues, path: string = pathname) => {
      const next = new URLSearchParams();
      const merged = { ...filters, ...patch };
      for (const key of FILTER_KEYS) if (merged[key]) next.set(key, merged[key]!);
      const qs = next.toString();
      return `${path}${qs ? `?${qs}` : ""}`;
    },
    [filters, pathname],
  );
  return { filters, query, hrefWith, pathname };
}
