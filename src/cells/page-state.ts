// What widgets other than cells (the moons demo) give to a share link, and how a link's state
// comes back to them. A widget registers itself as its script loads; keep.ts (the page's side of
// kept and shared work) asks every registered widget for its state when the reader shares, and
// hands each its part of a link that opens the page. Tiny: the moons demo's script imports it.

/** A widget's part in share links. */
export interface SharedWidget {
  /** Its key in the link's JSON (not `v`, `cells` or `answers`). */
  readonly name: string;
  /** The reader's state to share, as JSON data; undefined while it is as the book made it. */
  state(): unknown;
  /** Shows a link's state; resolves to a message for the reader when the state is malformed. Runs no code from the link. */
  apply(state: unknown): Promise<string | undefined>;
  /** What the reader changed, as a phrase that names the widget ("the moons demo with 105 points, seed 7"). */
  summary(): string;
}

const widgets = new Map<string, SharedWidget>();

/** The event widgets fire on document when the reader changes their state (keep.ts shows Share then). */
export const CHANGED_EVENT = 'reader-work-changed';

export function registerWidget(widget: SharedWidget): void {
  widgets.set(widget.name, widget);
}

export function sharedWidgets(): SharedWidget[] {
  return [...widgets.values()];
}

/** Tells the page that a widget's state changed. */
export function widgetChanged(): void {
  document.dispatchEvent(new Event(CHANGED_EVENT));
}
