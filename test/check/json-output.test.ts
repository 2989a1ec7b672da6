import { describe, expect, it } from 'vitest';
import { txt } from '../../src/core/text.js';
import { jsonChunks, toJson } from '../../src/check/output/formats.js';
import type { CheckResult } from '../../src/check/engine.js';
import type { Finding } from '../../src/rules/types.js';

/** What toJson wrote before it came in pieces: one JSON.stringify of the whole report. */
function reference(result: CheckResult): string {
  const findings = result.findings.map((f) => ({
    row: f.row,
    name: f.name,
    rule: f.rule,
    severity: f.severity,
    message: f.message.zh,
    ...(f.related?.length ? { related: f.related.map((r) => ({ name: r.name, source: r.source, ...(r.row !== undefined ? { row: r.row } : {}), ...(r.file !== undefined ? { file: r.file } : {}), ...(r.line !== undefined ? { line: r.line } : {}), ...(r.adminCode !== undefined ? { adminCode: r.adminCode } : {}) })) } : {}),
  }));
  return JSON.stringify({ summary: result.summary, findings }, null, 2) + '\n';
}

function finding(i: number): Finding {
  return {
    row: i + 1,
    // Text that JSON must escape: a quote, a backslash, a line break inside a value, a tab.
    name: i % 7 === 0 ? `和"美\\路\n${i}\t` : `槐荫路${i}`,
    rule: i % 2 ? 'duplicate' : 'exaggeration',
    severity: i % 3 ? 'warning' : 'error',
    message: txt(`第 ${i} 条：与「槐荫路」重名\n（同一乡镇内）`, `finding ${i}`),
    ...(i % 5 === 0
      ? { related: [{ name: '槐荫路', row: 3, source: 'batch' as const }, { name: '槐荫街', file: 'existing.csv', line: 9, adminCode: '370102001', source: 'gazetteer' as const }] }
      : {}),
  };
}

function result(n: number): CheckResult {
  const findings = Array.from({ length: n }, (_, i) => finding(i));
  return { summary: { rows: n, errors: 1, warnings: 2, infos: 3 }, findings, records: [], notes: [] };
}

describe('JSON report in pieces', () => {
  it.each([0, 1, 2, 999, 1000, 1001, 2500])('%i findings: the same bytes as one JSON.stringify', (n) => {
    const r = result(n);
    expect(toJson(r)).toBe(reference(r));
    expect([...jsonChunks(r)].join('')).toBe(reference(r));
    expect(JSON.parse(toJson(r)).findings).toHaveLength(n);
  });

  it('never holds more than about a thousand findings in one piece', () => {
    const chunks = [...jsonChunks(result(2500))];
    expect(chunks.length).toBe(3);
    expect(chunks.map((c) => c.split('"rule": ').length - 1)).toEqual([1000, 1000, 500]);
  });
});
