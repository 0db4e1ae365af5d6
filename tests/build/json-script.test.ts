import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/build/json-script.ts';

describe('jsonForScript', () => {
  it('survives an HTML parser inside a script element, whatever the strings hold', () => {
    const value = { code: 'a < b; "</script><p id=x>"; <!-- <script> -->', list: ['</SCRIPT >', 1.5, null] };
    const text = jsonForScript(value);
    expect(text).not.toContain('<');
    const $ = load(`<script type="application/json">${text}</script><p>after</p>`);
    expect($('#x').length).toBe(0);
    expect($('p').text()).toBe('after');
    expect(JSON.parse($('script').text())).toEqual(value);
  });
});
