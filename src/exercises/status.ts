// An exercise's status as the page shows it: the root's data-exercise-status, and its badge.
// Shared by the reading script (reading.ts) and the controller, and tiny. Statuses are kept in the
// page's storage as records of kind `status` (src/cells/keys.ts), one per page and exercise.

export type Status = 'todo' | 'pass' | 'fail';

const BADGE: Record<Status, string> = { todo: '', pass: '✓ Done', fail: 'Not yet' };

/** The event the page gets when a status changes here (detail.cleared: all were cleared): the sidebar's marks count again. */
export const PROGRESS_EVENT = 'exercise-progress';

export function showStatus(root: HTMLElement, status: Status): void {
  root.dataset.exerciseStatus = status;
  const badge = root.querySelector<HTMLElement>('[data-exercise-badge]');
  if (badge) badge.textContent = BADGE[status];
}
