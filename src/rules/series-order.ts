import type { Position } from 'geojson';
import { txt } from '../core/text.js';
import { mayEndInOrdinal, parseName } from '../name/parse.js';
import { ORDINAL_END_BITS } from '../check/namekeys.js';
import type { AnalyzedRecord, Related, Rule } from './types.js';
import { centroid, lonLatLine, offsetMeters } from './util/geo.js';

interface Options {
  maxOrdinal: number | null;
  direction: string | null;
}

/** One series: same scope, stem (专名 + direction) and generic; its members from the batch and the existing names. */
interface Series {
  specific: string;
  generic: string;
  scope: string;
  members: Member[];
}

interface Member {
  value: number;
  name: string;
  rec?: AnalyzedRecord;
  adminCode?: string;
}

const HAO = '号'.charCodeAt(0);
const DI = '第'.charCodeAt(0);

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 12 → 十二 (for messages). */
function cn(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + CN_DIGITS[n % 10];
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + CN_DIGITS[n % 10];
  return String(n);
}

function scopeOf(rec: AnalyzedRecord): string {
  const c = rec.admin.code;
  if (c && c.length >= 9) return c.slice(0, 9);
  return rec.admin.township ?? rec.record.fields.township?.trim() ?? (c ?? '');
}

const DIRECTIONS: Record<string, { axis: 'east' | 'north'; sign: 1 | -1; zh: string }> = {
  'W->E': { axis: 'east', sign: 1, zh: '自西向东' },
  'E->W': { axis: 'east', sign: -1, zh: '自东向西' },
  'S->N': { axis: 'north', sign: 1, zh: '自南向北' },
  'N->S': { axis: 'north', sign: -1, zh: '自北向南' },
};

/** The numbering directions a profile may give (option `direction`, setting `numberingDirection`). */
export const NUMBERING_DIRECTIONS: readonly string[] = Object.keys(DIRECTIONS);

/** rules.md §1 `series-order`: series names are complete and ordered. */
export const seriesOrder: Rule<Options> = {
  meta: {
    id: 'series-order',
    alias: 'R-SERIES',
    group: 'structure',
    severity: 'warning',
    description: txt('系列名称序号连续、不重复、顺序一致', 'series names have no gaps or repeated ordinals and follow the numbering order'),
    basis: txt('阜平（系列化、组团式命名）；西安（系列名称序号不超过个位数，自东向西、自南向北编号）；开平（分级、系列命名）', 'Fuping (series and group naming); Xi\'an (single-digit series, numbering direction); Kaiping (tiered, serial naming)'),
    fix: txt('补齐缺号或调整序号，使同一系列的名称连续、不重复，并按规定方向编号', 'fill the gaps or renumber so that the series is continuous, unique and follows the numbering direction'),
    options: { maxOrdinal: null, direction: null },
  },
  checkBatch(ctx) {
    // Series: same township, same stem (专名 + direction) and generic, Chinese ordinal.
    // One entry per series: its stem, generic and scope beside the members (one map lookup per record).
    const groups = new Map<string, Series>();
    for (const rec of ctx.records) {
      const p = rec.parsed;
      if (!p.ordinal || !p.generic || p.ordinal.hao || /[0-9]/.test(p.ordinal.text)) continue;
      const scope = scopeOf(rec);
      const stem = p.specific + (p.direction ?? '');
      const key = `${scope}\u0001${stem}\u0001${p.generic}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { specific: stem, generic: p.generic, scope, members: [] }));
      g.members.push({ value: p.ordinal.value, name: rec.name, rec, adminCode: rec.admin.code });
    }
    reportGroups(ctx.records, ctx.report);
    if (!groups.size) return;
    // Existing names of the same series in scope complete the picture.
    if (ctx.existing?.size) {
      const ex = ctx.existing;
      // Series by their scope's code (as ExistingNames.codePrefix numbers, by digit count), so that each existing name
      // meets only the series of its own area; a series placed only by a township name cannot meet existing names.
      // Inside a scope, series by generic and then by stem: an existing name is split once (stem + numeral + generic),
      // not compared with every series of its township.
      interface ScopeSeries { genericLengths: number[]; lengthMask: number; byGeneric: Map<string, Map<string, Series[]>> }
      const byScope = new Map<number, Map<number, ScopeSeries>>();
      let anyLong = false;
      for (const st of groups.values()) {
        if (!/^\d{2,9}$/.test(st.scope)) continue;
        let m = byScope.get(st.scope.length);
        if (!m) byScope.set(st.scope.length, (m = new Map()));
        let ss = m.get(Number(st.scope));
        if (!ss) m.set(Number(st.scope), (ss = { genericLengths: [], lengthMask: 0, byGeneric: new Map() }));
        if (!ss.genericLengths.includes(st.generic.length)) ss.genericLengths.push(st.generic.length);
        // A generic longer than the flags reach (7 units): every name of the scope is read (-1).
        ss.lengthMask = st.generic.length > 7 || ss.lengthMask < 0 ? -1 : ss.lengthMask | (1 << (st.generic.length - 1));
        if (ss.lengthMask < 0) anyLong = true;
        let bySpecific = ss.byGeneric.get(st.generic);
        if (!bySpecific) ss.byGeneric.set(st.generic, (bySpecific = new Map()));
        const l = bySpecific.get(st.specific);
        if (l) l.push(st);
        else bySpecific.set(st.specific, [st]);
      }
      const lens = [...byScope.keys()];
      const visit = (ss: ScopeSeries, i: number) => {
        // Most names of a scope have no numeral before a generic of this scope's series: dismissed by their flags.
        if (ss.lengthMask >= 0 && (ordinalEnd[i] & ss.lengthMask) === 0) return;
        const full = ex.full(i);
        for (const g of ss.genericLengths) {
          const end = full.length - g;
          if (end < 1 || !mayEndInOrdinal(full, end)) continue;
          const bySpecific = ss.byGeneric.get(full.slice(end));
          if (!bySpecific) continue;
          // The stem is what precedes the numeral run (and 第, 号); it may also end inside the run (东四 + 十二条).
          let j = full.charCodeAt(end - 1) === HAO ? end - 1 : end;
          const runEnd = j;
          while (j > 0 && mayEndInOrdinal(full, j) && full.charCodeAt(j - 1) !== HAO) j--;
          const stemEnd = j > 0 && full.charCodeAt(j - 1) === DI ? j - 1 : j;
          for (let e = stemEnd; e < runEnd; e = e < j ? j + 1 : e + 1) {
            const series = bySpecific.get(full.slice(0, e));
            if (!series) continue;
            const p = parseName(full);
            if (!p.ordinal) return;
            for (const st of series) {
              if (p.specific + (p.direction ?? '') !== st.specific || p.generic !== st.generic) continue;
              // The same name in this series' batch rows is that row again (or a duplicate, which duplicate reports),
              // not a repeated ordinal; the same name elsewhere in the batch says nothing about this series.
              if (st.members.some((m) => m.rec?.full === full)) continue;
              st.members.push({ value: p.ordinal.value, name: ex.name(i), adminCode: ex.code(i) });
            }
            return;
          }
        }
      };
      const { ordinalEnd } = ex.fingerprints;
      for (let i = 0; i < ex.size; i++) {
        if ((ordinalEnd[i] & ORDINAL_END_BITS) === 0 && !anyLong) continue; // no numeral before a generic: in no series (a column, not the name)
        for (let li = 0; li < lens.length; li++) {
          const sk = ex.codePrefix(i, lens[li]);
          const ss = sk < 0 ? undefined : byScope.get(lens[li])!.get(sk);
          if (ss) visit(ss, i);
        }
      }
    }
    for (const { members } of groups.values()) {
      const opts = members[0].rec ? ctx.optionsFor(members[0].rec) : ({} as Options);
      const related = (ms: Member[]): Related[] => ms.map((m) => ({ name: m.name, row: m.rec?.row, adminCode: m.adminCode, source: m.rec ? 'batch' : 'gazetteer' }));
      // Repeats.
      const byValue = new Map<number, Member[]>();
      for (const m of members) {
        const l = byValue.get(m.value);
        if (l) l.push(m);
        else byValue.set(m.value, [m]);
      }
      for (const [v, all] of byValue) {
        if (all.length < 2) continue;
        // Rows of one name are one member: segments of one road, or a duplicate, which duplicate reports (as for an
        // existing name equal to a row, above).
        const ms = all.filter((m, i) => !m.rec || !all.slice(0, i).some((k) => k.rec && k.rec.full === m.rec!.full));
        if (ms.length < 2) continue;
        for (const m of ms) {
          if (!m.rec) continue;
          ctx.report(m.rec, txt(`同一系列中序号「${cn(v)}」重复：${ms.map((x) => x.name).join('、')}`, `ordinal ${v} is used twice in the series: ${ms.map((x) => x.name).join(', ')}`), {
            related: related(ms.filter((x) => x !== m)),
          });
        }
      }
      // Gaps inside the series (numbers below the smallest one may exist outside the batch): the member after the
      // gap reports the missing numbers.
      const values = [...byValue.keys()].sort((a, b) => a - b);
      for (let i = 1; i < values.length; i++) {
        const prev = values[i - 1];
        const v = values[i];
        if (v - prev <= 1 || v - prev > 20) continue;
        const missing: number[] = [];
        for (let k = prev + 1; k < v; k++) missing.push(k);
        const stem = members.find((m) => m.rec)!.rec!.parsed;
        const names = missing.map((k) => `${stem.specific}${stem.direction ?? ''}${cn(k)}${stem.generic}`);
        for (const m of byValue.get(v)!) {
          if (!m.rec) continue;
          ctx.report(m.rec, txt(
            `系列名称缺号：有「${cn(prev)}」和「${cn(v)}」，没有「${names.join('」「')}」`,
            `gap in the series: ${prev} and ${v} but no ${names.map((n) => `"${n}"`).join(', ')}`,
          ), { fix: txt('补齐缺少的序号，或改用连续的序号；如缺号的名称已存在，请提供现有地名文件', 'fill the gap or renumber; if the missing names exist already, supply the existing-name file') });
        }
      }
      // Maximum ordinal.
      const max = typeof opts.maxOrdinal === 'number' ? opts.maxOrdinal : undefined;
      if (max !== undefined) {
        for (const m of members) {
          if (m.rec && m.value > max) {
            ctx.report(m.rec, txt(`序号「${cn(m.value)}」超过本地规定的最大序号 ${max}`, `ordinal ${m.value} exceeds the local maximum of ${max}`));
          }
        }
      }
      // Numbering direction, when every batch member has a lon/lat line.
      const dir = typeof opts.direction === 'string' ? DIRECTIONS[opts.direction] : undefined;
      if (dir) {
        const located = members
          .filter((m) => m.rec && byValue.get(m.value)!.length === 1)
          .map((m) => ({ m, c: lonLatLine(m.rec!) }))
          .filter((x): x is { m: Member; c: Position[] } => Boolean(x.c))
          .map((x) => ({ m: x.m, c: centroid(x.c) }))
          .sort((a, b) => a.m.value - b.m.value);
        for (let i = 1; i < located.length; i++) {
          const a = located[i - 1];
          const b = located[i];
          const off = offsetMeters(a.c, b.c);
          const d = (dir.axis === 'east' ? off.east : off.north) * dir.sign;
          if (d < -50) {
            ctx.report(b.m.rec!, txt(
              `编号方向与规定（${dir.zh}）不符：「${b.m.name}」位于「${a.m.name}」的${dir.axis === 'east' ? (dir.sign > 0 ? '西' : '东') : dir.sign > 0 ? '南' : '北'}侧`,
              `the numbering does not run ${opts.direction}: "${b.m.name}" lies before "${a.m.name}"`,
            ), { related: related([a.m]) });
          }
        }
      }
    }
  },
};

/**
 * Group names (同字头 sets such as 兴文路/兴武路/兴德路): info when all members but one share a generic.
 */
function reportGroups(records: readonly AnalyzedRecord[], report: (rec: AnalyzedRecord, m: ReturnType<typeof txt>, o?: { severity?: 'info'; related?: Related[] }) => void): void {
  const groups = new Map<string, AnalyzedRecord[]>();
  for (const rec of records) {
    const p = rec.parsed;
    if (p.ordinal || p.direction || p.specific.length !== 2 || !p.generic || p.specificKind !== 'plain') continue;
    const key = `${scopeOf(rec)}\u0001${p.specific[0]}`;
    const l = groups.get(key);
    if (l) l.push(rec);
    else groups.set(key, [rec]);
  }
  for (const members of groups.values()) {
    if (members.length < 3) continue;
    const counts = new Map<string, number>();
    for (const r of members) counts.set(r.parsed.generic, (counts.get(r.parsed.generic) ?? 0) + 1);
    if (counts.size !== 2) continue;
    const [[g1, n1], [g2, n2]] = [...counts];
    const odd = n1 === 1 ? g1 : n2 === 1 ? g2 : undefined;
    if (!odd) continue;
    const common = odd === g1 ? g2 : g1;
    const rec = members.find((r) => r.parsed.generic === odd)!;
    report(rec, txt(
      `同字头组团名称中只有「${rec.name}」用「${odd}」，其余都用「${common}」`,
      `in the group of names starting with "${rec.parsed.specific[0]}", only "${rec.name}" uses "${odd}"; the others use "${common}"`,
    ), { severity: 'info', related: members.filter((r) => r !== rec).map((r) => ({ name: r.name, row: r.row, source: 'batch' as const })) });
  }
}
