// The README's example must print exactly what the README says it prints.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

const root = new URL('../..', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');

function block(marker: string): string {
  const match = readme.match(new RegExp(`<!-- ${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``));
  if (!match) throw new Error(`README has no block after <!-- ${marker} -->`);
  return match[1];
}

it("README's lib example prints the output shown under it", () => {
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', block('readme-example')], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(output).toBe(block('readme-output'));
});
