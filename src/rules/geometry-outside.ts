import { txt } from '../core/text.js';
import type { Rule } from './types.js';

interface Options {
  toleranceMeters: number;
}

/**
 * rules.md §10 `geometry-outside`: every vertex inside China's extent; with --boundaries, the road inside its township
 * (entirely outside → error; partly, beyond the tolerance → soft case). Results of the geometry stage.
 */
export const geometryOutside: Rule<Options> = {
  meta: {
    id: 'geometry-outside',
    group: 'geometry',
    severity: 'error',
    description: txt('道路位于中国境内，并（提供乡镇边界时）位于所属乡镇内', 'the road lies inside China and, with township boundaries, inside its township'),
    basis: txt('《地名备案公告管理办法（试行）》：公告载明所属政区，位置描述须与几何一致', 'Filing and announcement measures (2023): the announcement states the area; the location must match the geometry'),
    fix: txt('检查坐标系（--crs）和经纬度顺序，或更正区划代码/所属乡镇', 'check the coordinate system (--crs) and the lat/lon order, or correct the division code / township'),
    options: { toleranceMeters: 50 },
  },
  check(ctx) {
    for (const f of ctx.rec.geo?.findings ?? []) {
      if (f.rule !== 'geometry-outside') continue;
      const fix = f.code === 'outside-china'
        ? txt('多为坐标系错误：确认坐标系后用 --crs 指定（如 --crs EPSG:4528），或检查经纬度是否颠倒', 'usually a wrong coordinate system: confirm it and give --crs (e.g. --crs EPSG:4528), or check for swapped lat/lon')
        : f.code === 'partly-outside'
          ? txt('跨乡镇的道路宜按乡镇分段；也请核对边界和区划代码', 'split a road that crosses the township boundary into segments; also check the boundary and the division code')
          : txt('核对区划代码/所属乡镇是否填错，或几何是否画错了位置', 'check whether the division code/township or the geometry is wrong');
      ctx.report(f.message, { soft: f.soft, fix });
    }
  },
};
