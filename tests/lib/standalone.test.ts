// lib/ is copied into readers' projects: the files a reader downloads (lib/ minus its region
// markers, as /lib/<file> serves them) must run as they are under Node's type stripping, Deno
// and Bun (both installed from the npm registry as dev dependencies), and type-check under
// Deno's defaults.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stripRegions } from '../../src/build/regions.ts';

const libDir = new URL('../../lib/', import.meta.url);
const files = readdirSync(libDir).filter((f) => f.endsWith('.ts'));
const bin = (name: string) => new URL(`../../node_modules/.bin/${name}`, import.meta.url).pathname;

// The downloads, in a folder of their own with a reader's main.ts beside them.
const dir = mkdtempSync(join(tmpdir(), 'lib-download-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const file of files) writeFileSync(join(dir, file), stripRegions(readFileSync(new URL(file, libDir), 'utf8')));
writeFileSync(
  join(dir, 'main.ts'),
  `import { Value } from './engine.ts';
import { MLP } from './nn.ts';
import { drawDot } from './graph.ts';
import { makeMoons, moonsModel, moonsStep } from './moons.ts';

const x = new Value(2).mul(new Value(-3)).add(10);
x.backward();
const out = new MLP(3, [4, 4, 1]).forward([2, 3, -1]);
const { X, y } = makeMoons(20, 0.1);
const model = moonsModel();
let loss = 0;
for (let k = 0; k < 3; k++) loss = moonsStep(model, X, y, k, 3).loss;
console.log(String(x), drawDot(x).startsWith('digraph'), String(out), loss);
`,
);

/** What main.ts prints, computed here from lib/ itself. */
async function expected(): Promise<string> {
  const { Value } = await import('../../lib/engine.ts');
  const { MLP } = await import('../../lib/nn.ts');
  const { makeMoons, moonsModel, moonsStep } = await import('../../lib/moons.ts');
  const x = new Value(2).mul(new Value(-3)).add(10);
  const out = new MLP(3, [4, 4, 1]).forward([2, 3, -1]);
  const { X, y } = makeMoons(20, 0.1);
  const model = moonsModel();
  let loss = 0;
  for (let k = 0; k < 3; k++) loss = moonsStep(model, X, y, k, 3).loss;
  return `${String(x)} true ${String(out)} ${loss}`;
}

const run = (command: string, args: string[]) =>
  execFileSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).trim();

describe('lib/ as a reader downloads it', () => {
  it('has no region markers left, and nothing else changed', () => {
    for (const file of files) {
      const source = readFileSync(new URL(file, libDir), 'utf8').split('\n');
      const markers = source.filter((line) => /^\s*\/\/ #(end)?region\b/.test(line));
      expect(markers.length, file).toBeGreaterThan(0);
      const download = readFileSync(join(dir, file), 'utf8').split('\n');
      expect(download).toEqual(source.filter((line) => !markers.includes(line)));
    }
  });

  it.each([
    ['the pinned Node', process.execPath, ['main.ts']],
    ['Deno', bin('deno'), ['run', '--quiet', 'main.ts']],
    ['Bun', bin('bun'), ['main.ts']],
  ])('runs as it is under %s', async (_, command, args) => {
    expect(run(command, args)).toBe(await expected());
  });

  it("type-checks under Deno's default settings", () => {
    expect(() => run(bin('deno'), ['check', '--quiet', ...files, 'main.ts'])).not.toThrow();
  });

  it.each(files)('%s imports nothing outside lib/, with explicit .ts extensions', (file) => {
    const source = readFileSync(new URL(file, libDir), 'utf8');
    for (const [, spec] of source.matchAll(/from '([^']+)'/g)) expect(spec).toMatch(/^\.\/[\w-]+\.ts$/);
  });

  it.each(files)('%s runs on its own with node', (file) => {
    execFileSync(process.execPath, [join(dir, file)], { encoding: 'utf8' });
  });
});
