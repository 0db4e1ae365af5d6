import { describe, expect, it } from 'vitest';
import { libFiles, readRegion, regionsOf, stripRegions } from '../../src/build/regions.ts';

describe('lib regions', () => {
  it('extracts a region without nested markers, dedented', () => {
    const source = ['class A {', '  // #region outer', '  f() {', '    // #region inner', '    return 1;', '    // #endregion inner', '  }', '  // #endregion outer', '}'].join('\n');
    const regions = regionsOf(source);
    expect(regions.get('outer')).toBe('f() {\n  return 1;\n}');
    expect(regions.get('inner')).toBe('return 1;');
  });

  it('fails loudly on an unknown file or region, naming it', () => {
    expect(() => readRegion('nope.ts', 'x')).toThrow(/no file lib\/nope.ts/);
    expect(() => readRegion('engine.ts', 'nope')).toThrow(/lib\/engine.ts has no region "nope"/);
  });

  it('rejects unbalanced or duplicate markers', () => {
    expect(() => regionsOf('// #region a\nx')).toThrow(/never closed/);
    expect(() => regionsOf('// #endregion')).toThrow(/without #region/);
    expect(() => regionsOf('// #region a\n// #endregion\n// #region a\n// #endregion')).toThrow(/twice/);
  });

  it('reads every lib file', () => {
    expect(libFiles()).toEqual(expect.arrayContaining(['engine.ts', 'nn.ts', 'graph.ts', 'random.ts', 'moons.ts']));
    expect(readRegion('engine.ts', 'add-mul')).toContain('mul(other: Value | number): Value {');
  });

  it('strips every marker line, nested or indented, and nothing else', () => {
    const source = ['// top', '// #region a', 'x', '  // #region b', '  y // #region not a marker', '  // #endregion b', '// #endregion a', ''].join('\n');
    expect(stripRegions(source)).toBe(['// top', 'x', '  y // #region not a marker', ''].join('\n'));
  });
});
