// lib/ is copied into readers' projects: each file must run as it is under Node's type stripping.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const libDir = new URL('../../lib/', import.meta.url);
const files = readdirSync(libDir).filter((f) => f.endsWith('.ts'));

describe('lib/ as copyable source', () => {
  it("runs directly under Node's type stripping, no build step", () => {
    const script = `
      import { Value } from './lib/engine.ts';
      import { MLP } from './lib/nn.ts';
      import { drawDot } from './lib/graph.ts';
      const x = new Value(2).mul(new Value(-3)).add(10);
      x.backward();
      const out = new MLP(3, [4, 4, 1]).forward([2, 3, -1]);
      console.log(String(x), drawDot(x).startsWith('digraph'), String(out).startsWith('Value(data='));
    `;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: new URL('../..', import.meta.url),
      encoding: 'utf8',
    });
    expect(output.trim()).toBe('Value(data=4) true true');
  });

  it.each(files)('%s imports nothing outside lib/, with explicit .ts extensions', (file) => {
    const source = readFileSync(new URL(file, libDir), 'utf8');
    for (const [, spec] of source.matchAll(/from '([^']+)'/g)) expect(spec).toMatch(/^\.\/[\w-]+\.ts$/);
  });

  it.each(files)('%s runs on its own with node', (file) => {
    execFileSync(process.execPath, [new URL(file, libDir).pathname], { encoding: 'utf8' });
  });
});
