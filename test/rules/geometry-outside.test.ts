import type { MultiPolygon, Polygon } from 'geojson';
import type { Boundary, TownshipBoundaries } from '../../src/geo/boundaries.js';
import { geometryOutside } from '../../src/rules/geometry-outside.js';
import { ruleTester } from './tester.js';

/** One township square (大王镇, 370523101): 118.50–118.52°E, 37.00–37.02°N; its neighbour to the east. */
function boundaries(): TownshipBoundaries {
  const square = (x0: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, 37.0], [x0 + 0.02, 37.0], [x0 + 0.02, 37.02], [x0, 37.02], [x0, 37.0]]] });
  const own: Boundary = { code: '370523101', name: '大王镇', polygon: square(118.5) };
  const next: Boundary = { code: '370523102', name: '稻庄镇', polygon: square(118.52) as Polygon | MultiPolygon };
  const byCode = new Map([[own.code!, own], [next.code!, next]]);
  return {
    byCode,
    byName: new Map([[own.name!, [own]], [next.name!, [next]]]),
    notes: [],
    find: (rec) => byCode.get((rec.fields.admin_code ?? '').slice(0, 9)),
  };
}
const T1 = { admin_code: '370523101' };
const geo = { boundaries: boundaries() };

ruleTester(geometryOutside, {
  valid: [
    { name: '清泉路', geometry: 'LINESTRING (116.400 39.900, 116.405 39.901)' },
    { name: '清泉路', fields: T1, geo, geometry: 'LINESTRING (118.505 37.01, 118.515 37.01)', label: 'inside its township polygon' },
    { name: '清泉路', fields: T1, geo, geometry: 'LINESTRING (118.505 37.01, 118.5202 37.01)', label: 'crossing the boundary by about 20 m (tolerance)' },
    { name: '清泉路', fields: { admin_code: '370523199' }, geo, geometry: 'LINESTRING (118.6 37.01, 118.61 37.01)', label: 'no polygon for the township: only the China extent' },
  ],
  invalid: [
    { name: '清泉路', geometry: 'LINESTRING (2.35 48.86, 2.36 48.87)', label: 'Paris: outside China', errors: [{ severity: 'error', message: '中国范围之外' }] },
    { name: '清泉路', fields: T1, geo, geometry: 'LINESTRING (118.525 37.01, 118.535 37.01)', label: 'wholly in the next township', errors: [{ severity: 'error', message: '完全在所属乡镇' }] },
    { name: '清泉路', fields: T1, geo, geometry: 'LINESTRING (118.505 37.01, 118.53 37.01)', label: 'partly outside beyond the tolerance: soft case', errors: [{ severity: 'warning', soft: true, message: /约 \d+ 米在所属乡镇/ }] },
    { name: '清泉路', geometry: 'LINESTRING (40515300 3349722, 40515420.5 3349731.2)', geo: { crs: 'EPSG:4490' }, label: 'metres declared as lon/lat', errors: [{ message: '中国范围之外' }] },
  ],
});
