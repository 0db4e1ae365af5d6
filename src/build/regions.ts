// Named regions of lib/ files (`// #region name` … `// #endregion`): what the chapters show.

// Bundled as text by Vite, so the build reads lib/ as it is, wherever the output runs from.
const sources = import.meta.glob<string>('../../lib/*.ts', { query: '?raw', import: 'default', eager: true });
const LIB = new Map(Object.entries(sources).map(([path, text]) => [path.replace('../../lib/', ''), text]));

export function libFiles(): string[] {
  return [...LIB.keys()].sort();
}

export function readLibFile(file: string): string {
  const text = LIB.get(file);
  if (text === undefined) throw new Error(`Snippet: no file lib/${file} (lib has ${libFiles().join(', ')})`);
  return text;
}

const START = /^\s*\/\/ #region ([\w-]+)\s*$/;
const END = /^\s*\/\/ #endregion\b/;

/** Every region of a file, by name: its lines without the markers of nested regions, dedented. */
export function regionsOf(source: string, file = 'file'): Map<string, string> {
  const regions = new Map<string, string[]>();
  const open: string[] = [];
  for (const line of source.split('\n')) {
    const start = START.exec(line);
    if (start) {
      if (regions.has(start[1])) throw new Error(`lib/${file}: region "${start[1]}" is defined twice`);
      regions.set(start[1], []);
      open.push(start[1]);
    } else if (END.test(line)) {
      if (!open.pop()) throw new Error(`lib/${file}: #endregion without #region`);
    } else {
      for (const name of open) regions.get(name)?.push(line);
    }
  }
  if (open.length > 0) throw new Error(`lib/${file}: region "${open.at(-1)}" is never closed`);
  return new Map([...regions].map(([name, lines]) => [name, dedent(lines)]));
}

/**
 * The file as a reader downloads it: every `// #region` and `// #endregion`
 * line removed, nothing else changed (as rust-lang/book's release listings
 * drop their ANCHOR lines).
 */
export function stripRegions(source: string): string {
  return source
    .split('\n')
    .filter((line) => !START.test(line) && !END.test(line))
    .join('\n');
}

export function readRegion(file: string, region: string): string {
  const regions = regionsOf(readLibFile(file), file);
  const text = regions.get(region);
  if (text === undefined) {
    throw new Error(`Snippet: lib/${file} has no region "${region}" (it has ${[...regions.keys()].join(', ')})`);
  }
  return text;
}

function dedent(lines: string[]): string {
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines.at(-1)?.trim()) lines.pop();
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}
