import { type Text, txt } from '../core/text.js';
import type { Rule } from './types.js';

interface Options {
  minLengthMeters: number;
}

/** What to do, per problem code of src/geo/validate.ts. */
const FIX: Record<string, Text> = {
  'missing': txt('补充道路线几何（WKT 列、起止点坐标，或 GeoJSON/Shapefile/KML 中的线）', 'add the road line (a WKT column, start/end coordinates, or a line in the GeoJSON/Shapefile/KML)'),
  'parse': txt('更正几何单元格（WKT 写法如 LINESTRING (118.5 37.0, 118.51 37.0)），或从 GIS 软件重新导出', 'correct the geometry cell (WKT such as LINESTRING (118.5 37.0, 118.51 37.0)), or export it again from the GIS'),
  'point': txt('用道路的中心线代替点，以便计算长度和走向', 'give the road\'s centre line instead of a point, so that length and orientation can be computed'),
  'closed-loop': txt('环形道路分为两段分别命名或记录', 'split a loop road into two segments'),
};

/** rules.md §10 `geometry-invalid`: the geometry is usable (results of the geometry stage, src/check/geometry.ts). */
export const geometryInvalid: Rule<Options> = {
  meta: {
    id: 'geometry-invalid',
    group: 'geometry',
    severity: 'error',
    description: txt('几何可用：可读、至少两个不同的点、坐标为有限数值、长度不为零、不自相交', 'the geometry is usable: readable, two or more distinct positions, finite numbers, non-zero length, no self-intersection'),
    basis: txt('RFC 7946 §3.1.4（线至少两个点）；采集上图的数据质量要求', 'RFC 7946 §3.1.4 (a LineString needs two or more positions); data quality for loading names onto maps (采集上图)'),
    fix: txt('在 GIS 软件中修正道路线（删除重复点、拆分自相交或环形道路），再重新检查', 'fix the road line in a GIS (remove duplicate points, split self-intersecting or loop roads) and check again'),
    options: { minLengthMeters: 1 },
  },
  check(ctx) {
    for (const f of ctx.rec.geo?.findings ?? []) {
      if (f.rule !== 'geometry-invalid') continue;
      ctx.report(f.message, { soft: f.soft, fix: FIX[f.code] });
    }
  },
};
