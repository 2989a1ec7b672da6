import type { RuleCase } from './tester.js';

/**
 * Built-up areas for the uniqueness rules' tables (scope builtUpArea, --built-up): two areas of one township (大王镇),
 * and lines inside each, outside both, and a record of that township.
 */
export const AREAS = [
  'POLYGON ((118.40 37.00, 118.42 37.00, 118.42 37.02, 118.40 37.02, 118.40 37.00))',
  'POLYGON ((118.45 37.00, 118.47 37.00, 118.47 37.02, 118.45 37.02, 118.45 37.00))',
];
export const IN_1 = 'LINESTRING (118.401 37.001, 118.405 37.001)';
export const IN_1B = 'LINESTRING (118.410 37.010, 118.414 37.010)';
export const IN_2 = 'LINESTRING (118.451 37.001, 118.455 37.001)';
export const OUTSIDE = 'LINESTRING (118.430 37.030, 118.434 37.030)';
const T1 = { admin_code: '370523101' };

/** A case of `name` (in area 1) under scope builtUpArea, beside `other` placed as given. */
export function inArea(name: string, o: Partial<RuleCase> & { label: string }): RuleCase {
  return { name, fields: T1, geometry: IN_1, builtUp: AREAS, ...o, options: { scope: 'builtUpArea', ...(o.options ?? {}) } };
}
