import { afterEach, describe, expect, it } from 'vitest';
import { htmlChunks, toHtml } from '../../src/check/output/html.js';
import type { CheckResult } from '../../src/check/engine.js';
import { setLang, txt } from '../../src/core/text.js';
import type { Finding } from '../../src/rules/types.js';

const META = { source: 'roads.csv', profile: 'national', divisionYear: 2023 };

function finding(row: number, township: string | undefined, severity: Finding['severity'], name = '幸福路'): Finding {
  return { row, name, rule: 'duplicate', severity, message: txt(`与「${name}」重名`, `duplicates "${name}"`), township, related: [{ name: '幸福路', line: 7, file: 'existing.csv', source: 'gazetteer' }] };
}

function result(findings: Finding[]): CheckResult {
  const summary = { rows: 10, errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) summary[f.severity === 'error' ? 'errors' : f.severity === 'warning' ? 'warnings' : 'infos']++;
  return { summary, findings, records: [], notes: [txt('未提供已有地名', 'no existing names')] };
}

describe('the HTML check report', () => {
  afterEach(() => setLang('zh'));

  it('groups findings by township with their counts, one sortable table each', () => {
    const html = toHtml(result([finding(1, '大王镇', 'error'), finding(2, '大王镇', 'warning'), finding(3, '稻庄镇', 'info'), finding(4, undefined, 'error')]), META);
    const heads = [...html.matchAll(/<h2>(.*?) <small>(.*?)<\/small><\/h2>/g)].map((m) => [m[1], m[2]]);
    expect(heads).toEqual([
      ['大王镇', '错误 1 · 警告 1 · 提示 0'],
      ['稻庄镇', '错误 0 · 警告 0 · 提示 1'],
      ['（未识别乡镇）', '错误 1 · 警告 0 · 提示 0'],
    ]);
    expect(html.match(/<table class="sortable">/g)).toHaveLength(3);
    expect(html).toContain('幸福路（existing.csv 第7行）');
    expect(html).toContain('未提供已有地名');
  });

  it('is self-contained: no address outside the file, a policy that forbids loading anything', () => {
    const html = toHtml(result([finding(1, '大王镇', 'error')]), META);
    expect(html).toContain(`content="default-src 'none'`);
    expect(html).not.toMatch(/\b(src|href)=/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('escapes every user text: names, townships, messages', () => {
    const evil = '<script>alert(1)</script>"&\'';
    const html = toHtml(result([finding(1, `<b>镇</b>`, 'error', evil)]), { ...META, source: '<i>x</i>.csv' });
    expect(html.match(/<script>/g)).toHaveLength(1); // the sorter only
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;');
    expect(html).toContain('&lt;b&gt;镇&lt;/b&gt;');
    expect(html).toContain('&lt;i&gt;x&lt;/i&gt;.csv');
    expect(html).not.toContain('<b>镇');
  });

  it('says so when there is no finding, and speaks English with --lang en', () => {
    expect(toHtml(result([]), META)).toContain('没有发现问题。');
    setLang('en');
    const html = toHtml(result([finding(1, '大王镇', 'error')]), META);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('errors 1 · warnings 0 · infos 0');
    expect(html).toContain('duplicates "幸福路"'.replace(/"/g, '&quot;'));
  });

  it('is given out in chunks of bounded size (a large batch\'s report is never one string)', () => {
    const many = Array.from({ length: 9000 }, (_, i) => finding(i + 1, i < 6000 ? '大王镇' : '稻庄镇', 'warning'));
    const chunks = [...htmlChunks(result(many), META)];
    expect(chunks.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(1_000_000);
    const html = chunks.join('');
    expect(html).toBe(toHtml(result(many), META));
    expect(html.match(/<tr class="warning">/g)).toHaveLength(9000);
  });
});
