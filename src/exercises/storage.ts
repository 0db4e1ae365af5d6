// The reader's own state, kept in the page's localStorage: nothing leaves the browser. Each kind
// of state is one JSON object under one key, prefixed with the book's name; today there is one
// kind, the exercises' statuses (progress), and issue 13's saved edits can take another beside it
// (`read('edits')`, `write('edits', …)`). Storage that is missing, full or refused (a private
// window, a browser setting) reads as empty and keeps nothing: the page works on without it.

const PREFIX = 'micrograd-ts:';

/** The object kept under `kind`, or an empty one when there is none (or it cannot be read). */
export function read(kind: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(PREFIX + kind) ?? '{}');
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Keeps `value` under `kind` (an empty object removes the key); false if the storage refused it. */
export function write(kind: string, value: Record<string, unknown>): boolean {
  try {
    if (Object.keys(value).length === 0) localStorage.removeItem(PREFIX + kind);
    else localStorage.setItem(PREFIX + kind, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** Calls back when another tab of the book changes `kind` (the storage event). */
export function onChange(kind: string, callback: () => void): void {
  addEventListener('storage', (event) => {
    if (event.key === null || event.key === PREFIX + kind) callback();
  });
}

// Exercises' progress: each checked exercise's last verdict, by "chapter/id".

export type Status = 'todo' | 'pass' | 'fail';
const PROGRESS = 'exercises';

/** Every exercise's status that is not todo, by "chapter/id" (chapter: the chapter's slug). */
export function statuses(): Record<string, Exclude<Status, 'todo'>> {
  const kept = read(PROGRESS);
  return Object.fromEntries(Object.entries(kept).filter(([, s]) => s === 'pass' || s === 'fail')) as Record<string, 'pass' | 'fail'>;
}

/** Keeps an exercise's status (todo forgets it). */
export function setStatus(chapter: string, id: string, status: Status): void {
  const all: Record<string, string> = statuses();
  if (status === 'todo') delete all[`${chapter}/${id}`];
  else all[`${chapter}/${id}`] = status;
  write(PROGRESS, all);
}

/** Forgets every exercise's status. */
export function clearProgress(): void {
  write(PROGRESS, {});
}

/** Calls back when another tab changes the progress. */
export const onProgressChange = (callback: () => void): void => onChange(PROGRESS, callback);
