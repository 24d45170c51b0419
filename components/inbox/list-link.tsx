"use client";
// A link to another view of the inbox list (a sidebar view, a channel, a tag, a sort). Hovering or
// focusing it loads that list into React Query; following it when only the filters change (the
// query string, same page) is a history entry of the browser's own (which Next's router follows:
// useSearchParams sees it), not a round trip to the server for a page whose server part is the
// same — so the click paints the rows that are already here.
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import type { ComponentProps } from "react";
import { prefetchListFor } from "./list-query";

/** Whether `href` is a page of the inbox list (with or without a thread open): its rows come from React Query. */
function isListHref(href: string): boolean {
  return /^\/inbox(\/\d+)?$/.test(new URL(href, "http://list.invalid").pathname);
}

/** Moves to `href` without the server when only its query string differs from this page's; false otherwise. */
export function switchListInPlace(href: string, mode: "push" | "replace" = "push"): boolean {
  const url = new URL(href, window.location.href);
  if (!isListHref(href) || url.origin !== window.location.origin || url.pathname !== window.location.pathname) return false;
  const to = `${url.pathname}${url.search}${url.hash}`;
  if (mode === "push") window.history.pushState(null, "", to);
  else window.history.replaceState(null, "", to);
  return true;
}

export function ListLink({ href, onMouseEnter, onFocus, onNavigate, ...rest }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const qc = useQueryClient();
  const list = isListHref(href);
  return (
    <Link
      {...rest}
      href={href}
      // The list comes from React Query and the URL is the browser's: Next's page prefetch would buy nothing.
      prefetch={list ? false : undefined}
      onMouseEnter={(e) => {
        if (list) prefetchListFor(qc, href);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        if (list) prefetchListFor(qc, href);
        onFocus?.(e);
      }}
      onNavigate={(e) => {
        onNavigate?.(e);
        if (switchListInPlace(href)) e.preventDefault();
      }}
    />
  );
}
