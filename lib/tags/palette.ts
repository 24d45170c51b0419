// The colours a tag may have, as Tailwind classes (static strings, so the build keeps them).
// Browser-safe: the list, the thread and the admin page colour tags the same way.
export const TAG_COLORS = {
  slate: "bg-slate-100 text-slate-700 ring-slate-300",
  red: "bg-red-50 text-red-700 ring-red-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  green: "bg-green-50 text-green-700 ring-green-200",
  sky: "bg-sky-50 text-sky-700 ring-sky-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
  pink: "bg-pink-50 text-pink-700 ring-pink-200",
} as const;

export type TagColor = keyof typeof TAG_COLORS;
export const TAG_COLOR_NAMES = Object.keys(TAG_COLORS) as TagColor[];

/** A tag as the browser receives it. */
export interface TagView {
  id: number;
  name: string;
  color: TagColor;
}

export const tagClass = (color: string): string => TAG_COLORS[color as TagColor] ?? TAG_COLORS.slate;
