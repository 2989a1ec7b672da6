/**
 * Entity types (pinyin.md §5.0). The type decides word division: the same characters are spelled differently
 * for a village (one word) and for a street (专名 / 通名).
 */
export const ENTITY_TYPES = [
  'road', 'village', 'town', 'township', 'county', 'district', 'city', 'province',
  'area', 'natural', 'structure', 'scenic',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/** Finer kinds that some rules care about (a bridge and a building are both `structure` for spelling). */
export type EntityKind = EntityType | 'bridge' | 'building' | 'residential' | 'station' | 'square';

export interface ResolvedType {
  type: EntityType;
  kind: EntityKind;
}

const TABLE: [string[], EntityType, EntityKind?][] = [
  [['road', 'street', 'lane', 'avenue', 'alley', 'hutong', '道路', '路', '街', '巷', '街路巷', '街巷', '街道路', '胡同', '弄', '大道', '大街',
    '城市道路', '乡村道路', '村内道路', '农村道路', '村道', '乡道', '县道', '快速路', '主干路', '次干路', '支路', '街路巷名称', '道路名称'], 'road'],
  [['village', 'settlement', '村', '自然村', '行政村', '村庄', '村落', '居民点', '农村居民点', '村民委员会', '村委会', '社区'], 'village'],
  [['town', '集镇', '城镇居民点', '集市'], 'town'],
  [['township', '乡', '镇', '乡镇', '街道', '街道办事处', '乡级政区', '乡级行政区', '苏木'], 'township'],
  [['county', '县', '县级市', '旗', '县级政区', '县级行政区'], 'county'],
  [['district', '区', '市辖区'], 'district'],
  [['city', '市', '地级市', '地区', '州', '盟'], 'city'],
  [['province', '省', '自治区', '直辖市'], 'province'],
  [['area', '片区', '地片', '区片'], 'area'],
  [['natural', 'mountain', 'river', 'lake', 'island', '山', '河', '河流', '湖', '湖泊', '岛', '岛屿', '自然地理实体', '山峰', '水系'], 'natural'],
  [['bridge', '桥', '桥梁'], 'structure', 'bridge'],
  [['building', '建筑物', '楼', '大厦', '楼宇'], 'structure', 'building'],
  [['residential', '住宅区', '居民区', '小区', '住宅小区', '居住区'], 'structure', 'residential'],
  [['station', '站', '车站', '码头'], 'structure', 'station'],
  [['square', '广场'], 'structure', 'square'],
  [['structure', '构筑物', '水库', '纪念地', '设施', '交通运输设施', '水利设施'], 'structure'],
  [['scenic', '景区', '旅游景区', '名胜', '纪念地', '风景区', '旅游区'], 'scenic'],
];

const INDEX = new Map<string, ResolvedType>();
for (const [aliases, type, kind] of TABLE) {
  for (const a of aliases) if (!INDEX.has(a)) INDEX.set(a, { type, kind: kind ?? type });
}

/** Understand a type given on the command line or in a 类别 column; undefined when unknown. */
export function resolveType(text: string | undefined): ResolvedType | undefined {
  if (!text) return undefined;
  const t = text.normalize('NFKC').trim().toLowerCase();
  return INDEX.get(t) ?? INDEX.get(t.replace(/类$|名称$/, ''));
}

/** Types whose names are written as one word (1984 rule 3; GB/T 16159 6.2.2.3 for areas). */
export function isOneWordType(t: EntityType): boolean {
  return t === 'village' || t === 'town' || t === 'area';
}
