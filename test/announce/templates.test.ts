import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLUMN_CATALOG, loadTemplate, parseTemplate, resolveColumnKey, templateFile } from '../../src/announce/index.js';
import { DimingError } from '../../src/core/errors.js';
import { FIXTURES, tempDir } from '../helpers.js';

const fixture = (name: string) => join(FIXTURES, 'announce', name);

describe('built-in templates', () => {
  it('minimum = the legal minimum of 《地名备案公告管理办法（试行）》 (formats.md §4.3)', () => {
    const t = loadTemplate('minimum');
    expect(t.columns.map((c) => c.header)).toEqual(['标准名称', '罗马字母拼写', '所属政区', '位置描述', '批准机关', '批准时间']);
    expect(t.columns.map((c) => c.key)).toEqual(['name', 'pinyin', 'admin_path', 'location_desc', 'approval_body', 'approval_date']);
  });

  it('full = the default export template, and is the default', () => {
    const t = loadTemplate();
    expect(t.name).toBe('announce-full');
    expect(t.columns.map((c) => c.header)).toEqual([
      '序号', '标准名称', '罗马字母拼写', '所属政区', '位置描述', '长度(米)', '宽度(米)', '走向', '命名含义', '批准机关', '批准文号', '批准时间',
    ]);
    expect(loadTemplate('announce-full').columns).toEqual(t.columns);
  });

  it('returns copies (callers may edit them)', () => {
    loadTemplate('minimum').columns[0].header = 'changed';
    expect(loadTemplate('minimum').columns[0].header).toBe('标准名称');
  });
});

describe('user templates', () => {
  it('choose and order columns by key, printed header or alias; headers and widths override', () => {
    const t = loadTemplate(fixture('my-template.json'));
    expect(t.name).toBe('my-county');
    expect(t.orientation).toBe('landscape');
    expect(t.columns.map((c) => c.key)).toEqual(['seq', 'name', 'pinyin', 'common_name', 'start', 'end', 'length_m', 'extra:备注']);
    expect(t.columns[2]).toMatchObject({ header: '汉语拼音', width: 20 });
    expect(t.columns[4]).toMatchObject({ header: '起点', width: 12 });
    expect(t.columns[7]).toMatchObject({ key: 'extra:备注', header: '备注' });
  });

  it('a bare array is accepted', () => {
    expect(parseTemplate('["name", "pinyin"]').columns.map((c) => c.key)).toEqual(['name', 'pinyin']);
  });

  it('unknown column → bilingual DimingError naming the file and column and listing every valid key', () => {
    try {
      loadTemplate(fixture('bad-template.json'));
      expect.fail('no error');
    } catch (e) {
      expect(e).toBeInstanceOf(DimingError);
      const d = e as DimingError;
      expect(d.kind).toBe('input');
      expect(d.where).toMatchObject({ file: fixture('bad-template.json'), column: 'road_colour' });
      expect(d.text.zh).toContain('road_colour');
      expect(d.text.en).toContain('road_colour');
      for (const c of COLUMN_CATALOG) {
        expect(d.hint?.en).toContain(c.key);
        expect(d.hint?.zh).toContain(`${c.key}（${c.header}）`);
      }
      expect(d.format('en')).toContain('Valid columns');
    }
  });

  it.each([
    ['not json', '{columns: ['],
    ['no columns', '{"name": "x"}'],
    ['empty columns', '{"columns": []}'],
    ['duplicate (key and header)', '{"columns": ["name", "标准名称"]}'],
    ['bad width', '{"columns": [{"key": "name", "width": -3}]}'],
    ['bad header', '{"columns": [{"key": "name", "header": ""}]}'],
    ['bad entry', '{"columns": [42]}'],
    ['bad orientation', '{"columns": ["name"], "orientation": "sideways"}'],
  ])('%s → DimingError', (_label, text) => {
    expect(() => parseTemplate(text, 'x.json')).toThrow(DimingError);
  });

  it('missing file → input error with the path', () => {
    const dir = tempDir();
    const p = join(dir, 'nope.json');
    try {
      loadTemplate(p);
      expect.fail('no error');
    } catch (e) {
      expect((e as DimingError).where?.file).toBe(p);
    }
  });

  it('BOM and full-width brackets in headers are fine', () => {
    const dir = tempDir();
    const p = join(dir, 't.json');
    writeFileSync(p, '\uFEFF{"columns": ["宽度（米）", "长度 (米)"]}');
    expect(loadTemplate(p).columns.map((c) => c.key)).toEqual(['width_m', 'length_m']);
  });

  it('resolveColumnKey knows input-column aliases too', () => {
    expect(resolveColumnKey('正式命名')).toBe('name');
    expect(resolveColumnKey('命名缘由')).toBe('naming_reason');
    expect(resolveColumnKey('编号')).toBe('seq');
    expect(resolveColumnKey('extra:')).toBeUndefined();
    expect(resolveColumnKey('nonsense')).toBeUndefined();
  });
});

describe('templateFile: which --template values are files (inputs that no output may overwrite)', () => {
  it('built-in names are not files; anything else is, with or without an extension', () => {
    expect([undefined, '', 'full', 'minimum', 'announce-minimum'].map(templateFile)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(['mytpl', './full', 'full.json', 'dir/minimum'].map(templateFile)).toEqual(['mytpl', './full', 'full.json', 'dir/minimum']);
  });
});
