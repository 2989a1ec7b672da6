import { txt } from '../core/text.js';
import type { AnalyzedRecord, Rule } from './types.js';
import { centroid, lonLatLine, offsetMeters } from './util/geo.js';

interface Options {
  toleranceMeters: number;
}

const OPPOSITE: Record<string, string> = { 东: '西', 西: '东', 南: '北', 北: '南' };
const DIRS = '东西南北';

/**
 * The pairing key of a name with its direction word blanked out, and which direction it has: a modifier before the
 * generic (杏园东路) or the first character of a longer 专名 (东杏园巷).
 */
function pairKeys(rec: AnalyzedRecord): { key: string; dir: string }[] {
  const p = rec.parsed;
  const out: { key: string; dir: string }[] = [];
  const tail = `${p.ordinal?.text ?? ''}\u0001${p.generic}`;
  if (p.direction && DIRS.includes(p.direction)) out.push({ key: `m\u0001${p.specific}\u0001${tail}`, dir: p.direction });
  if (p.specific.length >= 3 && DIRS.includes(p.specific[0])) {
    out.push({ key: `p\u0001${p.specific.slice(1)}\u0001${p.direction ?? ''}\u0001${tail}`, dir: p.specific[0] });
  }
  return out;
}

/** rules.md §1 `direction-word`: direction words are meaningful and agree with the map. */
export const directionWord: Rule<Options> = {
  meta: {
    id: 'direction-word',
    alias: 'R-DIRECTION-WORD',
    group: 'structure',
    severity: 'warning',
    description: txt('方位词要有区分意义，并与实际方位一致', 'direction words must distinguish and agree with the map'),
    basis: txt('大名：慎用方位词；西安：分段、系列命名；1984年拼写规则第2条', 'Daming: use direction words sparingly; Xi\'an: segment and series naming; 1984 rule 2'),
    fix: txt('为道路另取有区分意义的专名；成对的方位名称要与实际位置一致', 'give the road a distinctive specific; paired direction names must match where the roads lie'),
    existingNames: true,
    options: { toleranceMeters: 50 },
  },
  check(ctx) {
    const { rec } = ctx;
    const p = rec.parsed;
    // (a) The 专名 is only a direction word (北巷, 东头街).
    if (p.specificKind === 'direction') {
      ctx.report(txt(`专名「${p.specific}」只是方位词，没有区分意义，容易重名`, `the specific "${p.specific}" is only a direction word: it distinguishes nothing and duplicates easily`));
      return;
    }
    // (c) X东路 with neither X路 nor X西路 known: the direction word distinguishes nothing (soft).
    if (p.direction && OPPOSITE[p.direction] && !p.explicit) {
      const base = p.specific + (p.ordinal?.text ?? '') + p.generic;
      const other = p.specific + OPPOSITE[p.direction] + (p.ordinal?.text ?? '') + p.generic;
      if (!ctx.isExistingName(base) && !ctx.isExistingName(other)) {
        ctx.report(txt(
          `「${rec.name}」带方位词「${p.direction}」，但没有「${base}」或「${other}」；方位词无从区分`,
          `"${rec.name}" carries the direction "${p.direction}" but neither "${base}" nor "${other}" exists`,
        ), { soft: true, fix: txt('如没有与之成对的道路，去掉方位词或另取专名；如有，请提供现有地名文件', 'without a paired road, drop the direction word; otherwise supply the existing-name file') });
      }
    }
  },
  checkBatch(ctx) {
    // (b) Opposite pairs must lie on the sides their names claim (centroids, lon/lat geometry only).
    const byKey = new Map<string, { rec: AnalyzedRecord; dir: string }[]>();
    for (const rec of ctx.records) {
      // Names first: most have no direction word, and lonLatLine caches per record (a million-entry WeakMap).
      const keys = pairKeys(rec);
      if (!keys.length || !lonLatLine(rec)) continue;
      for (const k of keys) {
        const l = byKey.get(k.key);
        if (l) l.push({ rec, dir: k.dir });
        else byKey.set(k.key, [{ rec, dir: k.dir }]);
      }
    }
    for (const members of byKey.values()) {
      if (members.length < 2) continue;
      for (const a of members) {
        for (const b of members) {
          if (a === b || OPPOSITE[a.dir] !== b.dir) continue;
          // Judge each pair once, from its 东 or 南 member.
          if (a.dir !== '东' && a.dir !== '南') continue;
          const ca = centroid(lonLatLine(a.rec)!);
          const cb = centroid(lonLatLine(b.rec)!);
          const off = offsetMeters(cb, ca); // a relative to b
          const tol = ctx.optionsFor(a.rec).toleranceMeters ?? 50;
          const wrong = a.dir === '东' ? off.east < -tol : off.north > tol;
          if (!wrong) continue;
          const side = a.dir === '东' ? '西' : '北';
          for (const [x, y] of [[a, b], [b, a]] as const) {
            ctx.report(x.rec, txt(
              `「${a.rec.name}」位于「${b.rec.name}」的${side}侧，与名称中的方位词「${a.dir}」「${b.dir}」相反`,
              `"${a.rec.name}" lies ${side === '西' ? 'west' : 'north'} of "${b.rec.name}", against the direction words in the names`,
            ), { related: [{ name: y.rec.name, row: y.rec.row, source: 'batch' }] });
          }
        }
      }
    }
  },
};
