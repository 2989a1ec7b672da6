import { txt } from '../core/text.js';
import type { Rule } from './types.js';

interface Options {
  referenceLayer: string | null;
}

/**
 * rules.md §10 `crs-suspect`: the coordinates look like another CRS than declared (swapped axes, Gauss-Krüger metres,
 * GCJ-02/BD-09 from internet maps). Detection runs once for the whole file in the geometry stage (src/geo/detect.ts);
 * file-level findings are reported on the first record with geometry. `referenceLayer`: a CGCS2000 line layer for the
 * offset test (a path, relative to the working folder).
 */
export const crsSuspect: Rule<Options> = {
  meta: {
    id: 'crs-suspect',
    group: 'geometry',
    severity: 'warning',
    description: txt('坐标看起来不是声明的坐标系（经纬度颠倒、投影坐标、GCJ-02/BD-09 加偏坐标）', 'the coordinates look like another coordinate system than declared (swapped, projected metres, GCJ-02/BD-09 offsets)'),
    basis: txt('数据格式说明 §3（坐标系）；《测绘法》、GB 20263-2006 关于加偏坐标的规定（§3.5）', 'formats §3 (coordinate systems); Surveying and Mapping Law and GB 20263-2006 on offset coordinates (§3.5)'),
    fix: txt('确认数据的坐标系，用 --crs 明确指定后重新运行（加偏坐标须用 --crs gcj02 或 --crs bd09 明确转换）', 'confirm the coordinate system and run again with --crs (offset coordinates are converted only with an explicit --crs gcj02 or --crs bd09)'),
    options: { referenceLayer: null },
  },
  check(ctx) {
    for (const f of ctx.rec.geo?.findings ?? []) {
      if (f.rule !== 'crs-suspect') continue;
      const fix = f.suggest
        ? txt(`确认后用 --crs ${f.suggest} 重新运行`, `confirm, then run again with --crs ${f.suggest}`)
        : undefined;
      ctx.report(f.message, { soft: f.soft, fix });
    }
  },
};
