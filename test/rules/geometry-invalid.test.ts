import { geometryInvalid } from '../../src/rules/geometry-invalid.js';
import { ruleTester } from './tester.js';

ruleTester(geometryInvalid, {
  valid: [
    { name: '清泉路', geometry: 'LINESTRING (116.400 39.900, 116.405 39.901)' },
    { name: '清泉路', geometry: 'MULTILINESTRING ((116.400 39.900, 116.405 39.901), (116.405 39.901, 116.410 39.900))', label: 'two parts touching at an end' },
    { name: '清泉路', label: 'no geometry in a plain check (rules.md §0.5)' },
    { name: '清泉路', geometry: 'SRID=4528;LINESTRING (40515300 3349722, 40515420.5 3349731.2)', label: 'Gauss-Krüger EWKT, transformed first' },
    { name: '清泉路', geometry: '{"type":"LineString","coordinates":[[116.4,39.9],[116.41,39.9]]}', label: 'a GeoJSON cell' },
    { name: '清泉路', geometry: '116.40,39.90;116.41,39.91', label: 'a coordinate list' },
  ],
  invalid: [
    { name: '清泉路', geometry: 'LINESTRING (116.40 39.90, 116.40 39.90)', label: 'one distinct position', errors: [{ severity: 'error', message: '只有 1 个不同的点' }] },
    { name: '清泉路', geometry: 'LINESTRING (116.40 39.90, 116.41 39.91, 116.41 39.90, 116.40 39.91)', label: 'a figure of eight', errors: [{ message: '自相交' }] },
    { name: '清泉路', geometry: 'LINESTRING (116.4 39.9, 116.41', label: 'broken WKT', errors: [{ message: /无法读取.*WKT/ }] },
    { name: '清泉路', geometry: 'LINESTRING (116.4 NaN, 116.41 39.9)', label: 'NaN', errors: [{ message: '非数值' }] },
    { name: '清泉路', geometry: 'LINESTRING (116.4 39.9, 116.400001 39.9)', label: 'shorter than 1 m', errors: [{ message: '长度只有' }] },
    { name: '清泉路', geometry: 'POINT (116.4 39.9)', label: 'a point: soft case', errors: [{ severity: 'warning', soft: true, message: '几何是点' }] },
    { name: '清泉路', geometry: 'LINESTRING (116.40 39.90, 116.41 39.90, 116.41 39.91, 116.40 39.90)', label: 'a closed loop: soft case', errors: [{ severity: 'warning', soft: true, message: '成环' }] },
    { name: '清泉路', geometry: 'MULTILINESTRING ((116.40 39.90, 116.41 39.91), (116.40 39.91, 116.41 39.90))', label: 'crossing parts', errors: [{ message: '相交' }] },
    { name: '清泉路', geometry: 'POLYGON ((116.40 39.90, 116.41 39.90, 116.41 39.91, 116.40 39.90))', label: 'a polygon', errors: [{ message: '应为线' }] },
    { name: '清泉路', geo: { requireGeometry: true }, label: 'missing, for a command that needs geometry', errors: [{ message: '没有几何' }] },
    { name: '清泉路', geometry: '幸福村东头', label: 'not a geometry at all', errors: [{ message: '不是 WKT' }] },
  ],
});
