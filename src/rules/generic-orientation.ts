import { txt } from '../core/text.js';
import type { Rule } from './types.js';
import { axisBearing, lonLatLine } from './util/geo.js';

type Axis = 'EW' | 'NS';
type Table = Record<string, Partial<Record<Axis, string[]>>>;

interface Options {
  toleranceDeg: number;
  table: Table;
}

/** The 走向 column as written (东西, 东西走向, 南北向, EW …); undefined for anything else (斜向, 弧形). */
export function orientationFromText(raw: string | undefined): Axis | 'other' | undefined {
  if (!raw) return undefined;
  const s = raw.normalize('NFKC').toLowerCase().replace(/[\s\-—–_/走向路线方]/g, '');
  if (!s) return undefined;
  if (/^(?:ew|we|东西|西东|eastwest|westeast|由?[东西]向?[东西]|[东西]起[东西]至|横)$/.test(s)) return 'EW';
  if (/^(?:ns|sn|南北|北南|northsouth|southnorth|由?[南北]向?[南北]|[南北]起[南北]至|纵)$/.test(s)) return 'NS';
  if (/东北|西北|东南|西南|弧|环|曲|不规则|other|其他/.test(s)) return 'other';
  if (/东西/.test(s)) return 'EW';
  if (/南北/.test(s)) return 'NS';
  return undefined;
}

function tierOf(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (!s) return undefined;
  if (/^(main|primary|主|主干|主干道|主要|主路|一级)$/.test(s)) return 'main';
  if (/^(minor|secondary|次|次干|次干道|次要|支|支路|二级)$/.test(s)) return 'minor';
  return s;
}

const AXIS_ZH: Record<Axis, string> = { EW: '东西', NS: '南北' };

/** rules.md §1 `generic-orientation`: the generic follows the orientation (tiered local rule, 阜平-style). */
export const genericOrientation: Rule<Options> = {
  meta: {
    id: 'generic-orientation',
    alias: 'R-GENERIC-DIRECTION',
    group: 'structure',
    severity: 'off',
    description: txt('按走向和等级选用通名（如东西向主干道为路、南北向为街）', 'the generic follows the road\'s orientation and tier (e.g. main roads: east–west 路, north–south 街)'),
    basis: txt('阜平县史家寨乡街巷命名征集（2020）：主干道东西为路、南北为街；次干道东西为胡同、南北为巷', 'Fuping county, Shijiazhai township (2020): main roads E–W 路, N–S 街; minor roads E–W 胡同, N–S 巷'),
    fix: txt('按本地规定的走向和等级换用通名', 'use the generic the local rule gives for this orientation and tier'),
    options: {
      toleranceDeg: 45,
      table: { main: { EW: ['路'], NS: ['街'] }, minor: { EW: ['胡同'], NS: ['巷'] } },
    },
  },
  check(ctx) {
    const { rec } = ctx;
    const g = rec.parsed.generic;
    if (!g) return;
    const table = ctx.options.table ?? {};
    let axis: Axis | 'other' | undefined = orientationFromText(rec.record.fields.orientation);
    if (!axis) {
      // The geometry stage's principal axis (curved roads: `other`, not judged); else the first-to-last bearing.
      const o = rec.geo?.measure?.orientation;
      if (o?.code === 'other') return;
      const line = o ? undefined : lonLatLine(rec);
      const b = o ? o.axisBearing : line ? axisBearing(line) : undefined;
      if (b !== undefined) {
        const tol = ctx.options.toleranceDeg ?? 45;
        axis = Math.abs(b - 90) <= tol ? 'EW' : 'NS';
      }
    }
    if (!axis || axis === 'other') return;
    const inTable = (t: Partial<Record<Axis, string[]>> | undefined) => Boolean(t && ((t.EW ?? []).includes(g) || (t.NS ?? []).includes(g)));
    const given = tierOf(rec.record.fields.tier);
    let tier: string | undefined;
    if (given && table[given]) tier = given;
    else if (!given && inTable(table.main)) tier = 'main';
    if (!tier) return;
    // Generics the table does not mention at all (大道, 弄 …) are not judged.
    if (!Object.values(table).some((t) => inTable(t))) return;
    if (!Object.values(table).some((t) => inTable(t) && ((t.EW ?? []).includes(g) || (t.NS ?? []).includes(g)))) return;
    const allowed = table[tier]?.[axis] ?? [];
    if (allowed.includes(g)) return;
    const tierZh = tier === 'main' ? '主干道' : tier === 'minor' ? '次干道' : tier;
    ctx.report(txt(
      `${AXIS_ZH[axis]}走向的${tierZh}按本地规定应使用「${allowed.join('」或「') || '（无）'}」，不宜用「${g}」`,
      `a ${axis === 'EW' ? 'east–west' : 'north–south'} ${tier} road takes ${allowed.map((a) => `"${a}"`).join(' or ') || 'no listed generic'} under the local rule, not "${g}"`,
    ));
  },
};
