import { launch, serve, setCode } from './tools/browser.ts';
const dist = process.argv[2];
const server = await serve(dist);
const browser = await launch();
for (const [width, theme] of [[1280, 'light'], [390, 'dark'], [1280, 'dark'], [390, 'light']] as const) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  const page = await context.newPage();
  await page.goto(server.origin + '/gradients/', { waitUntil: 'networkidle' });
  const ex = page.locator('[data-exercise="backprop-by-hand"]');
  await ex.scrollIntoViewIfNeeded();
  await ex.screenshot({ path: `/tmp/shot-${width}-${theme}-read.png` });
  await ex.locator('[data-action="hint"]').click();
  await ex.locator('[data-action="check"]').click();
  await page.waitForFunction(() => document.querySelector('[data-exercise="backprop-by-hand"] [data-feedback] li') && !document.querySelector('[data-exercise="backprop-by-hand"]')!.hasAttribute('data-checking'), undefined, { timeout: 30000 });
  await page.waitForTimeout(300);
  await ex.screenshot({ path: `/tmp/shot-${width}-${theme}-fail.png` });
  const ex2 = page.locator('[data-exercise="predict-slope"]');
  await ex2.locator('[data-action="solution"]').click();
  await ex2.locator('[data-action="check"]').click();
  await page.waitForFunction(() => document.querySelector('[data-exercise="predict-slope"]')?.getAttribute('data-exercise-status') === 'pass', undefined, { timeout: 30000 });
  await ex2.scrollIntoViewIfNeeded();
  await ex2.screenshot({ path: `/tmp/shot-${width}-${theme}-pass.png` });
  if (width === 1280) await page.locator('#starlight__sidebar').screenshot({ path: `/tmp/shot-${width}-${theme}-sidebar.png` });
  await context.close();
}
await browser.close();
await server.close();
