/**
 * Location description (位置描述, formats.md §4.2) for rows whose table does not give one:
 *   位于{乡镇}{村}，{方向1}起{起点}，{方向2}至{止点}[，途经{途经}][，全长约{长度}米]
 * Direction words follow the orientation and the geometry's start and end: an east–west road that starts in the west
 * reads 西起…东至; without orientation: 起于…止于….
 */
import { cleanText } from './text.js';

export type Orientation = 'EW' | 'NS' | 'other';

export interface LocationInput {
  township?: string;
  village?: string;
  start?: string;
  end?: string;
  via?: string;
  /** EW / NS / other, or 东西 / 南北 as written in tables. */
  orientation?: Orientation | string;
  /** First and last coordinates [x, y] (lon/lat or projected, x east): decide 西起/东起 and 南起/北起. */
  from?: readonly [number, number] | readonly number[];
  to?: readonly [number, number] | readonly number[];
  /** Length in metres (rounded to whole metres; "全长约…米" is added when given). */
  lengthM?: number | string;
}

/** Orientation as written (EW, 东西, 东西向, NS, 南北 …) → code; undefined when unknown. */
export function orientationCode(v: string | undefined): Orientation | undefined {
  const s = cleanText(v).toLowerCase().replace(/[\s向走-]/g, '');
  if (!s) return undefined;
  if (s === 'ew' || s === 'we' || s === '东西' || s === '西东' || s === 'eastwest') return 'EW';
  if (s === 'ns' || s === 'sn' || s === '南北' || s === '北南' || s === 'northsouth') return 'NS';
  if (s === 'other' || s === '其他' || s === '不规则') return 'other';
  return undefined;
}

/** The location description, or undefined when there is nothing to say (no place, no endpoints). */
export function describeLocation(input: LocationInput): string | undefined {
  const township = cleanText(input.township);
  const village = cleanText(input.village);
  const start = cleanText(input.start);
  const end = cleanText(input.end);
  const via = cleanText(input.via);
  const parts: string[] = [];
  const place = township + (village && village !== township ? village : '');
  if (place) parts.push(`位于${place}`);
  if (start || end) {
    const [w1, w2] = directionWords(orientationCode(input.orientation), input.from, input.to);
    if (w1 && start && end) parts.push(`${w1}起${start}`, `${w2}至${end}`);
    else if (start && end) parts.push(`起于${start}`, `止于${end}`);
    else if (start) parts.push(`起于${start}`);
    else parts.push(`止于${end}`);
  }
  if (via) parts.push(`途经${via}`);
  const len = typeof input.lengthM === 'number' ? input.lengthM : Number(cleanText(input.lengthM));
  if (input.lengthM !== undefined && input.lengthM !== '' && Number.isFinite(len) && len > 0) {
    parts.push(`全长约${formatLength(len)}米`);
  }
  return parts.length ? parts.join('，') : undefined;
}

/** Whole metres below 100 km; one decimal for short lengths under 10 m. */
export function formatLength(m: number): string {
  if (m < 10) return String(Math.round(m * 10) / 10);
  return String(Math.round(m));
}

/**
 * ['西', '东'] for an EW road running west → east, ['东', '西'] east → west; likewise 南/北. Without coordinates,
 * the conventional order (西起…东至, 南起…北至). Orientation 'other' or unknown → no direction words.
 */
function directionWords(
  o: Orientation | undefined,
  from: readonly number[] | undefined,
  to: readonly number[] | undefined,
): [string, string] | [] {
  const coords = from && to && from.length >= 2 && to.length >= 2 && [from[0], from[1], to[0], to[1]].every(Number.isFinite);
  if (o === 'EW') return coords && to![0] < from![0] ? ['东', '西'] : ['西', '东'];
  if (o === 'NS') return coords && to![1] < from![1] ? ['北', '南'] : ['南', '北'];
  return [];
}
