import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DimingError } from '../../src/core/errors.js';
import { type NumberedFeature, NotACollection, geoJsonFeatureBatches } from '../../src/io/readers/geojson-stream.js';
import { readGeoJsonFile } from '../../src/io/readers/geojson.js';
import { NotUtf8 } from '../../src/io/text-chunks.js';
import { tempDir } from '../helpers.js';

async function all(file: string, opts: { encoding?: string; chunkBytes?: number } = {}): Promise<NumberedFeature[]> {
  const out: NumberedFeature[] = [];
  for await (const batch of geoJsonFeatureBatches(file, opts)) out.push(...batch);
  return out;
}

async function refusal(file: string, opts: { chunkBytes?: number } = {}): Promise<DimingError> {
  const e = await all(file, opts).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DimingError);
  return e as DimingError;
}

function write(name: string, text: string | Buffer): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}

/** A register as GIS programs write it: pretty-printed, multi-byte names, a feature without properties, mixed keys. */
const REGISTER = JSON.stringify(
  {
    type: 'FeatureCollection',
    name: '标准地名',
    features: [
      { type: 'Feature', properties: { 标准名称: '槐荫路', 区划代码: '370523101201' }, geometry: { type: 'Point', coordinates: [118.5, 37] } },
      { type: 'Feature', id: 7, properties: null, geometry: null },
      { type: 'Feature', properties: { 地名类别: '道路', 标准名称: '幸福路（东段）', 长度: 1200.5, 备注: { 来源: '普查' } }, geometry: { type: 'LineString', coordinates: [[118.5, 37], [118.51, 37]] } },
      { type: 'Feature', properties: { 标准名称: '𠮷祥街' }, geometry: null },
    ],
  },
  null,
  2,
);

describe('GeoJSON features, streamed', () => {
  it.each([1, 7, 64, 1 << 18])('gives the features and rows of reading the file whole (reads of %i bytes)', async (chunkBytes) => {
    const file = write('register.geojson', REGISTER);
    const whole = await readGeoJsonFile(file);
    const streamed = await all(file, { chunkBytes });
    expect(streamed.map((f) => f.row)).toEqual([1, 2, 3, 4]);
    expect(streamed.map((f) => f.feature.properties ?? null)).toEqual(JSON.parse(REGISTER).features.map((f: { properties: unknown }) => f.properties));
    expect(streamed.map((f) => f.feature.geometry)).toEqual(JSON.parse(REGISTER).features.map((f: { geometry: unknown }) => f.geometry));
    expect(whole.records.map((r) => r.row)).toEqual(streamed.map((f) => f.row));
    expect(whole.records.map((r) => r.name)).toEqual(streamed.map((f) => String(f.feature.properties?.['标准名称'] ?? '')));
  });

  it('streams a minified collection on one line, not waiting for a line end that never comes', async () => {
    const features = Array.from({ length: 20_000 }, (_, i) => ({ type: 'Feature', properties: { 名称: `幸福${i}路` }, geometry: null }));
    const file = write('minified.geojson', JSON.stringify({ type: 'FeatureCollection', features }));
    let batches = 0;
    let rows = 0;
    for await (const batch of geoJsonFeatureBatches(file, { chunkBytes: 1 << 16 })) {
      if (batch.length) batches++;
      rows += batch.length;
    }
    expect(rows).toBe(20_000);
    // The first megabyte is held to decide; the rest arrives read by read.
    expect(batches).toBeGreaterThan(5);
  });

  it('reads GeoJSON sequences line by line: one feature per line, RS-separated, a long line; rows count features', async () => {
    const long = `{"type":"Feature","properties":{"名称":"长路","备注":"${'很长'.repeat(50_000)}"},"geometry":null}`;
    const text = [
      '{"type":"Feature","properties":{"名称":"一路"},"geometry":null}',
      '',
      '\x1e{"type":"Feature","properties":{"名称":"二路"},"geometry":null}\x1e{"type":"Feature","properties":{"名称":"三路"},"geometry":null}',
      long,
    ].join('\n');
    const file = write('roads.geojsonl', text);
    const streamed = await all(file, { chunkBytes: 4096 });
    expect(streamed.map((f) => [f.row, f.feature.properties?.['名称']])).toEqual([[1, '一路'], [2, '二路'], [3, '三路'], [4, '长路']]);
    expect((await readGeoJsonFile(file)).records.map((r) => r.name)).toEqual(['一路', '二路', '三路', '长路']);
  });

  it('names the line of a syntax error, after multi-byte text and across reads', async () => {
    const text = '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"名称":"槐荫路"},"geometry":null},\n{"type":"Feature","properties":{"名称":"幸福路"},"geometry":null},\n{"type":"Feature","properties":{"名称":"和谐街"} x,"geometry":null}\n]}\n';
    for (const chunkBytes of [5, 1 << 16]) {
      const e = await refusal(write('bad.geojson', text), { chunkBytes });
      expect(e.text.zh).toContain('GeoJSON 不是有效的 JSON：出现了不应有的字符「x」');
      expect(e.where?.line).toBe(4);
    }
  });

  it('reports a truncated file, content after the collection, a missing type, a feature that is not one, no text', async () => {
    const cut = await refusal(write('cut.geojson', '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":{"名称":"槐荫路"},"geometry":null},\n{"type":"Feat'));
    expect(cut.text.zh).toContain('内容没有结束就到了文件末尾（文件可能被截断）');
    expect(cut.text.zh).not.toContain('列');
    expect((await refusal(write('more.geojson', '{"type":"FeatureCollection","features":[]}\n],\n'))).text.zh).toContain('JSON 内容结束之后还有多余的内容');
    expect((await refusal(write('untyped.geojson', '{"features":[{"type":"Feature","properties":{},"geometry":null}]}'))).text.zh).toContain('缺少 type 成员');
    const notFeature = await refusal(write('point.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":null},{"type":"Point","coordinates":[1,2]}]}'));
    expect(notFeature.text.zh).toContain('第 2 个要素不是 Feature');
    expect((await refusal(write('blank.geojson', ' \n \n'))).text.zh).toContain('文件是空的');
  });

  it('hands a single Feature or geometry back to the whole reader', async () => {
    const file = write('one.geojson', '{"type":"Feature","properties":{"名称":"槐荫路"},"geometry":null}');
    await expect(all(file)).rejects.toBeInstanceOf(NotACollection);
  });

  it('raises NotUtf8 for a GBK file, which reads with gb18030', async () => {
    const gbk = Buffer.from(new Uint8Array([...Buffer.from('{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"'), 0xbb, 0xb1, 0xd2, 0xf1, 0xc2, 0xb7, ...Buffer.from('"},"geometry":null}]}')]));
    const file = write('gbk.geojson', gbk);
    await expect(all(file)).rejects.toBeInstanceOf(NotUtf8);
    expect((await all(file, { encoding: 'gb18030' })).map((f) => f.feature.properties?.name)).toEqual(['槐荫路']);
  });
});
