// Display maths wider than the column scrolls in its own box (custom.css). A box that scrolls
// must be reachable by keyboard: it gets tabindex="0", only while it does scroll, so equations
// that fit add no stop to the Tab order.

function markScrollBoxes(): void {
  for (const box of document.querySelectorAll<HTMLElement>('.katex-display')) {
    if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }
}

markScrollBoxes();
addEventListener('resize', markScrollBoxes);
// KaTeX's fonts may arrive after this runs, and widen an equation past its column.
void document.fonts?.ready.then(markScrollBoxes);
