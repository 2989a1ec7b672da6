import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import { DEFAULT_SIGN_STYLE, fontFamilyList, loadSignStyle, parseSignStyle, signStylePreset, signStylePresets } from '../../src/signs/style.js';

const dir = mkdtempSync(join(tmpdir(), 'diming-style-'));
function file(name: string, content: string): string {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}
function configError(fn: () => unknown): DimingError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DimingError);
    expect((e as DimingError).kind).toBe('config');
    return e as DimingError;
  }
  throw new Error('no error thrown');
}

describe('sign style', () => {
  it('defaults follow formats.md §4.6', () => {
    const s = loadSignStyle();
    expect(s.widthMm).toBe(1000);
    expect(s.heightMm).toBe(600);
    expect(s.borderMm).toBeLessThanOrEqual(25);
    expect(s.background).toBe('#0050A0');
    expect(s.textColor).toBe('#FFFFFF');
    expect(s.fontCjk[0]).toBe('Noto Sans CJK SC');
    expect(s.umlaut).toBeUndefined(); // Ü kept, unless diming run's profile says otherwise (signUmlaut)
    expect(s.brand).toBeNull();
  });
  it('returns copies: changing one does not change the default', () => {
    const s = loadSignStyle();
    s.fontCjk.push('X');
    s.arrow.enabled = false;
    expect(DEFAULT_SIGN_STYLE.fontCjk).not.toContain('X');
    expect(loadSignStyle().arrow.enabled).toBe(true);
  });
  it('has a red heritage preset as data', () => {
    expect(signStylePresets()).toEqual(expect.arrayContaining(['default', 'heritage-red']));
    const s = loadSignStyle('heritage-red');
    expect(s.name).toBe('heritage-red');
    expect(s.background.toUpperCase()).toBe('#A61B1B');
    expect(signStylePreset('heritage-red')).toEqual(s);
  });
  it('loads a user file extending a preset, with a brand line, arrows and ü option', () => {
    const f = file('ok.json', JSON.stringify({
      extends: 'heritage-red', width_mm: 1200, height_mm: 500, font_latin: ['Helvetica Neue'], font_weight: 'bold',
      brand: { text: '婺源县民政局', position: 'top', height_ratio: 0.1, color: '#ffd700' }, arrow: { placement: 'side' }, umlaut: 'v',
    }));
    const s = loadSignStyle(f);
    expect(s.name).toBe('heritage-red+custom');
    expect(s.background.toUpperCase()).toBe('#A61B1B');
    expect(s.widthMm).toBe(1200);
    expect(s.brand).toEqual({ text: '婺源县民政局', position: 'top', heightRatio: 0.1, color: '#ffd700' });
    expect(s.arrow).toEqual({ enabled: true, placement: 'side' });
    expect(s.umlaut).toBe('v');
    expect(s.fontWeight).toBe(700);
  });
  it('rejects unknown keys with a suggestion', () => {
    const e = configError(() => loadSignStyle(file('typo.json', '{"backgroud": "#fff"}')));
    expect(e.text.en).toContain('unknown key "backgroud"');
    expect(e.hint?.en).toContain('"background"');
    expect(e.where?.file).toContain('typo.json');
    const e2 = configError(() => parseSignStyle({ brand: { txt: 'x' } }));
    expect(e2.text.zh).toContain('brand.txt');
  });
  it('rejects bad values naming the key and what is expected, in both languages', () => {
    const cases: [unknown, string][] = [
      [{ background: 'url(#x)' }, 'background'],
      [{ background: '#12345' }, 'background'],
      [{ border_mm: 30 }, 'border_mm'],
      [{ width_mm: 'wide' }, 'width_mm'],
      [{ umlaut: 'yes' }, 'umlaut'],
      [{ font_cjk: ['Noto"; x'] }, 'font_cjk'],
      [{ font_cjk: [] }, 'font_cjk'],
      [{ pinyin_max_lines: 1.5 }, 'pinyin_max_lines'],
      [{ chinese_max_height: 0.95 }, 'chinese_max_height'],
      [{ arrow: { placement: 'top' } }, 'arrow.placement'],
      [{ brand: 5 }, 'brand'],
      [{ extends: 'nope' }, 'nope'],
    ];
    for (const [json, key] of cases) {
      const e = configError(() => parseSignStyle(json));
      expect(e.text.en + (e.text.en.includes(key) ? '' : e.hint?.en ?? '')).toContain(key);
      expect(e.text.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });
  it('rejects a border that leaves no room, and portrait panels', () => {
    configError(() => parseSignStyle({ width_mm: 200, height_mm: 100, border_mm: 20 }));
    configError(() => parseSignStyle({ width_mm: 500, height_mm: 800 }));
    configError(() => parseSignStyle({ frame_line_mm: 22, border_mm: 10 }));
    configError(() => parseSignStyle({ divider_mm: 25, height_mm: 300, width_mm: 600, border_mm: 10 }));
  });
  it('reports unreadable files, bad JSON and non-objects', () => {
    expect(configError(() => loadSignStyle(join(dir, 'missing.json'))).text.en).toContain('cannot read');
    expect(configError(() => loadSignStyle(file('bad.json', '{ "width_mm": 1000, }'))).text.en).toContain('not valid JSON');
    expect(configError(() => loadSignStyle(file('arr.json', '[1,2]'))).text.en).toContain('JSON object');
  });
  it('builds a safe CSS font-family list', () => {
    expect(fontFamilyList(['Noto Sans CJK SC', 'SimHei', 'sans-serif', 'simhei'])).toBe("'Noto Sans CJK SC', 'SimHei', sans-serif");
    expect(fontFamilyList(["Evil'</style>"])).toBe('sans-serif');
  });
});
