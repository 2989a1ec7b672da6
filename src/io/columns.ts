import type { ColumnMapping, FieldKey } from '../core/record.js';

/**
 * Header aliases (formats.md §1.3, plus the field names of 国家地名信息库 exports, §1.6, and headers of county
 * registers and 标准地名录 tables: 标准地名, 乡镇街道, 区县, 村居 …).
 * Within one key, earlier aliases are more specific: when two columns map to the same key, the earlier alias wins
 * (标准名称 over 名称) and the other column is passed through unchanged.
 */
export const COLUMN_ALIASES: Record<FieldKey, readonly string[]> = {
  id: ['序号', '编号', '道路编号', 'id', 'no', 'seq', 'fid'],
  name: ['标准名称', '标准地名', '正式命名', '审批地名', '拟命名名称', '拟定名称', '拟用名称', '道路名称', '街巷名称', '道路名', '路名', '地名', '名称', 'standard_name', 'proposed_name', 'road_name', 'name'],
  common_name: ['俗称', '习惯名称', '群众叫法', 'common_name', 'alias'],
  province: ['省(自治区、直辖市)', '省份', '省', 'province'],
  city: ['市(州)', '地级市', '所属市', '市州', '地市', '市', '州', 'city', 'prefecture'],
  county: ['县(市、区)', '县(区)', '县(市)', '所属县区', '县市区', '区县', '县区', '县', '区', 'county', 'district'],
  township: ['乡镇(街道)', '乡(镇、街道)', '镇(街道)', '所属乡镇(街道)', '所在乡镇(街道)', '所属乡镇', '所在乡镇', '乡镇名称', '乡镇街道', '镇街', '乡镇', '街道', 'township', 'town'],
  village: ['村(社区)', '村(居)', '村(居)委会', '所在村', '所属村', '所在社区', '所属社区', '行政村', '村居', '村委会', '居委会', '村', '社区', 'village', 'community'],
  admin_code: ['统计用区划代码', '行政区划代码', '所属政区代码', '区划代码', 'admin_code', 'division_code'],
  // 行政区划 holds names (广饶县大王镇) or a code: the resolver reads either (AdminResolver).
  admin_path: ['所属政区', '所在政区', '所在行政区', '所属行政区', '行政区划名称', '行政区划', '行政区域', '所在地', 'admin_path', 'area'],
  type: ['地名类别', '地名类型', '道路类别', '实体类型', '类别', '类型', 'type', 'category', 'entity_type', 'place_type', 'place_type_code'],
  grade: ['道路等级', '等级', 'grade', 'road_class'],
  tier: ['主次', '层级', 'tier'],
  specific: ['专名', 'specific'],
  generic: ['通名', 'generic'],
  start: ['起点', '东起', '南起', '西起', '北起', 'start', 'from'],
  end: ['止点', '终点', '西至', '北至', '东至', '南至', 'end', 'to'],
  via: ['途经', '经过', 'via'],
  length_m: ['长度', '路长', '长约', 'length_m', 'length'],
  width_m: ['宽度', '路宽', '宽约', 'width_m', 'width'],
  orientation: ['走向', '朝向', '方向', 'orientation', 'direction'],
  naming_reason: ['命名含义', '命名理由', '命名缘由', '地名含义', '含义', '来历', 'naming_reason', 'meaning', 'reason', 'place_meaning'],
  pinyin: ['地名汉语拼音拼写形式', '罗马字母拼写', '汉语拼音', '拼音', 'pinyin', 'romanization', 'roman_alphabet_spelling'],
  pinyin_sign: ['地名标志汉语拼音拼写形式', '标志拼音', '路牌拼音', 'sign_pinyin', 'pinyin_sign'],
  reading: ['审定读音', '读音', 'reading'],
  segmentation: ['分词连写', '分词', '分写', 'segmentation'],
  geometry: ['空间位置', '几何', '坐标', 'wkt', 'geometry', 'geom', 'gdm'],
  crs: ['坐标系统', '坐标系', 'crs', 'srid', 'epsg'],
  lon: ['经度', 'lon', 'lng', 'longitude'],
  lat: ['纬度', 'lat', 'latitude'],
  start_lon: ['起点经度', '起点x', 'start_lon', 'start_x'],
  start_lat: ['起点纬度', '起点y', 'start_lat', 'start_y'],
  end_lon: ['止点经度', '终点经度', '止点x', '终点x', 'end_lon', 'end_x'],
  end_lat: ['止点纬度', '终点纬度', '止点y', '终点y', 'end_lat', 'end_y'],
  applicant: ['命名申报主体单位', '申报单位', 'applicant'],
  sponsored: ['是否冠名', 'sponsored'],
  naming_rights: ['冠名单位', 'naming_rights'],
  old_name: ['曾用名', '原名称', '原名', 'old_name'],
  protection_measures: ['保护措施', 'protection_measures'],
  special_approval: ['特批文件', '批准使用文件', 'special_approval'],
  approval_body: ['批准机关', 'approval_body'],
  approval_no: ['批准文号', '批复文号', 'approval_no'],
  approval_date: ['批准时间', '批准日期', 'approval_date'],
  filing_date: ['备案时间', '备案日期', 'filing_date'],
  announce_date: ['公告时间', '公告日期', 'announce_date'],
  place_code: ['地名代码', 'place_code'],
};

const UNIT_RE = /[(（[【]\s*(米|m|公里|千米|km)\s*[)）\]】]$|\/\s*(米|m|公里|km)$|[（(]单位[:：]?\s*(米|m|公里|km)[)）]$/i;
const CANDIDATE_RE = /^(拟用名称|备选名称|候选名称|candidate|name)[_\s-]?([1-3一二三])$/i;

interface AliasHit {
  key: FieldKey;
  rank: number;
}

const aliasIndex: Map<string, AliasHit> = (() => {
  const m = new Map<string, AliasHit>();
  for (const key of Object.keys(COLUMN_ALIASES) as FieldKey[]) {
    COLUMN_ALIASES[key].forEach((alias, rank) => {
      const k = normalizeHeader(alias).text;
      if (!m.has(k)) m.set(k, { key, rank });
    });
  }
  return m;
})();

/** Normalise a header: BOM, NFKC (full-width → half-width), no spaces, lower case, trailing unit removed. */
export function normalizeHeader(raw: string): { text: string; unit?: string } {
  let s = raw.replace(/^\uFEFF/, '').normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  let unit: string | undefined;
  const m = UNIT_RE.exec(s);
  if (m) {
    unit = (m[1] ?? m[2] ?? m[3] ?? '').toLowerCase();
    s = s.slice(0, m.index);
  }
  return { text: s, unit };
}

const MAX_HEADER_CHARS = 100;

/** Understand one header. Unknown headers return a mapping without key (pass-through). */
export function matchHeader(raw: string, index: number): ColumnMapping {
  const header = raw.replace(/^\uFEFF/, '').trim();
  // No alias (with a unit) is near this long: a long cell is data, and normalising megabytes of it is slow.
  if (header.length > MAX_HEADER_CHARS) return { index, header };
  const { text, unit } = normalizeHeader(header);
  const cand = CANDIDATE_RE.exec(text);
  if (cand) {
    const n = '一二三'.indexOf(cand[2]) + 1 || Number(cand[2]);
    return { index, header, key: undefined, candidate: n, unit, match: 'exact' };
  }
  const exact = aliasIndex.get(text);
  if (exact) return { index, header, key: exact.key, unit, match: 'exact' };
  // 县(区) style headers whose bracket is not a unit: try without the bracket.
  const noBracket = text.replace(/[(（[【].*?[)）\]】]/g, '');
  if (noBracket && noBracket !== text) {
    const hit = aliasIndex.get(noBracket);
    if (hit) return { index, header, key: hit.key, unit, match: 'bracket' };
  }
  // DBF field names are cut at 10 bytes (命名含 for 命名含义): accept an unambiguous prefix of 3+ characters.
  if ([...text].length >= 3) {
    let found: FieldKey | undefined;
    let ambiguous = false;
    for (const [alias, hit] of aliasIndex) {
      if (alias.startsWith(text) && alias !== text) {
        if (found && found !== hit.key) ambiguous = true;
        found = hit.key;
      }
    }
    if (found && !ambiguous) return { index, header, key: found, unit, match: 'prefix' };
  }
  return { index, header, unit };
}

/** Rank of an alias inside its key (lower = more specific), for choosing between two columns of one key. */
export function aliasRank(header: string): number {
  const { text } = normalizeHeader(header);
  return aliasIndex.get(text)?.rank ?? aliasIndex.get(text.replace(/[(（[【].*?[)）\]】]/g, ''))?.rank ?? 99;
}

/**
 * The column of each known field in a header: when two headers are aliases of one field, the more specific one (as
 * when a table is read whole); the other is left out.
 */
export function fieldColumns(header: readonly string[]): Map<FieldKey, number> {
  const best = new Map<FieldKey, { index: number; rank: number }>();
  header.forEach((h, i) => {
    const key = matchHeader(h, i).key;
    if (!key) return;
    const rank = aliasRank(h);
    const had = best.get(key);
    if (!had || rank < had.rank) best.set(key, { index: i, rank });
  });
  return new Map([...best].map(([k, c]) => [k, c.index]));
}

/**
 * Something built once for each set of property keys (GeoJSON features): a register has one set, or a few; a file with
 * ever-new keys gets it built feature by feature.
 */
export function perKeySet<T>(build: (keys: string[]) => T): (keys: string[]) => T {
  const cache = new Map<string, T>();
  return (keys) => {
    const sig = keys.join('\u0000');
    let v = cache.get(sig);
    if (v === undefined) {
      v = build(keys);
      if (cache.size < 1000) cache.set(sig, v);
    }
    return v;
  };
}

/** How many cells of a row look like known headers (used to find the header row under a title row). */
export function countHeaderMatches(cells: readonly string[]): number {
  let n = 0;
  cells.forEach((c, i) => {
    if (c && c.trim() && (matchHeader(c, i).key || matchHeader(c, i).candidate)) n++;
  });
  return n;
}

/** All aliases of the name column, for messages. */
export function nameAliases(): readonly string[] {
  return COLUMN_ALIASES.name;
}
