import type { RunCheckResult } from '../check/run.js';
import { DIVISION_CODE_YEAR } from '../divisions/divisions.js';
import { findingsByRow, publishFeature } from '../geo/publish.js';
import type { OutputFeature, WriteResult } from '../geo/writers/common.js';

/**
 * The GeoJSON step of `diming run` (采集上图, formats.md §4.1), with the library functions `diming geojson` uses:
 * publishFeature for each checked record (published properties, pinyin, validation) and the streaming RFC 7946
 * writer (CGCS2000 lon/lat, ≤ 7 decimals, atomic). Records whose geometry is unusable are written without geometry
 * (as `diming geojson --force` does; `run` gets here only without errors or with --force).
 */

export function publishedFeatures(result: RunCheckResult): OutputFeature[] {
  const byRow = findingsByRow(result.findings);
  return result.records.map((r) => publishFeature(r, byRow.get(r.row) ?? []));
}

/** Local time with its UTC offset (2024-03-01T10:00:00+08:00); SOURCE_DATE_EPOCH pins it (reproducible builds). */
export function localTimestamp(now = new Date()): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  const d = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : now;
  const off = -d.getTimezoneOffset();
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(d.getTime() + off * 60000).toISOString().slice(0, 19);
  return `${local}${off >= 0 ? '+' : '-'}${pad(off / 60)}:${pad(off % 60)}`;
}

export async function writePublishedGeoJson(
  target: string,
  result: RunCheckResult,
  o: { precision?: number; version: string; profile: string; generated?: string },
): Promise<WriteResult> {
  const { writeGeoJson } = await import('../geo/writers/geojson.js');
  const s = result.summary;
  const meta: Record<string, unknown> = {
    version: o.version,
    profile: o.profile,
    sourceCrs: result.geometry?.crs ?? null,
    divisionCodeYear: DIVISION_CODE_YEAR,
    generated: o.generated ?? localTimestamp(),
    checked: { rows: s.rows, errors: s.errors, warnings: s.warnings, infos: s.infos },
  };
  return writeGeoJson(target, publishedFeatures(result), { precision: o.precision, meta });
}
