"use client";
// False while rendering on the server and during hydration, true afterwards: for what only the
// browser knows (its time zone) or can do (keyboard shortcuts), without a hydration mismatch.
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
