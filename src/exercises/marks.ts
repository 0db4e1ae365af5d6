// The sidebar's done marks, on every page: beside each chapter's link, how many of its exercises
// the reader has passed ("2/3"), from the page's storage; under the chapters, the total and a
// button that clears it. Kept tiny: every page loads it.

import { PROGRESS_EVENT } from './status.ts';
import { clearProgress, onProgressChange, statuses } from './storage.ts';

const box = document.querySelector<HTMLElement>('[data-exercise-progress]');
const manifest = JSON.parse(box?.querySelector('[data-exercise-manifest]')?.textContent ?? '{}') as Record<string, string[]>;

function draw(): void {
  if (!box) return;
  const kept = statuses();
  let done = 0;
  let total = 0;
  for (const [slug, ids] of Object.entries(manifest)) {
    const passed = ids.filter((id) => kept[`${slug}/${id}`] === 'pass').length;
    done += passed;
    total += ids.length;
    for (const link of document.querySelectorAll(`#starlight__sidebar a[href$="/${slug}/"]`)) {
      let mark = link.querySelector<HTMLElement>('.exercise-marks');
      if (!mark) link.append((mark = document.createElement('span')));
      mark.className = `exercise-marks${passed === ids.length ? ' exercise-marks-all' : ''}`;
      mark.innerHTML = `<span aria-hidden="true">${passed}/${ids.length}</span><span class="sr-only">, ${passed} of ${ids.length} exercises done</span>`;
    }
  }
  box.hidden = Object.keys(kept).length === 0;
  box.querySelector('p')!.textContent = `Exercises done: ${done} of ${total}.`;
}

draw();
onProgressChange(draw);
document.addEventListener(PROGRESS_EVENT, draw);
box?.querySelector('button')?.addEventListener('click', () => {
  if (!confirm('Clear your progress in every exercise of the book?')) return;
  clearProgress();
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT, { detail: { cleared: true } }));
});
