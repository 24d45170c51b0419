// A tag as a small coloured chip.
import { tagClass, type TagView } from "@/lib/tags/palette";

export function TagChip({ tag, onRemove }: { tag: TagView; onRemove?: () => void }) {
  return (
    <span
      data-testid="tag-chip"
      data-tag={tag.name}
      className={`inline-flex shrink-0 items-center gap-0.5 rounded px-1 text-[10px] font-medium ring-1 ring-inset ${tagClass(tag.color)}`}
    >
      {tag.name}
      {onRemove ? (
        <button type="button" onClick={onRemove} aria-label={`Remove tag ${tag.name}`} className="opacity-60 hover:opacity-100">
          ×
        </button>
      ) : null}
    </span>
  );
}
