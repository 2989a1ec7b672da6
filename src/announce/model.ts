/**
 * The announcement (备案公告) model: what every writer renders, independent of how the rows were produced.
 * The caller (the `announce` command) fills rows from records; the writers never look at records themselves.
 */
import { inputError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { chineseDate, formatChineseDate, isoDate, parseDate } from './dates.js';
import { cleanText } from './text.js';

export type ColumnAlign = 'left' | 'center';

/** One column of the announcement table. */
export interface ColumnSpec {
  /** Column key: a catalogue key (`name`, `pinyin` …, see COLUMN_CATALOG) or `extra:<input header>`. */
  key: string;
  /** Header text as printed (Chinese). */
  header: string;
  /** Preferred width in spreadsheet character units (one Han character ≈ 2); writers scale to the page. */
  width?: number;
  /** Cell alignment; default from the catalogue (numbers and short codes centred). */
  align?: ColumnAlign;
}

/** One table row: plain strings keyed by column key. Missing keys print as empty cells. */
export type AnnouncementRow = Record<string, string | number | undefined | null>;

/** The rows of one township (乡镇/街道), printed under their own heading with a count. */
export interface AnnouncementGroup {
  township: string;
  /** Full administrative path (省/市/县/乡镇), informative only. */
  adminPath?: string;
  rows: AnnouncementRow[];
}

export interface AnnouncementDoc {
  /** Document title, e.g. 「某县人民政府关于乡村道路命名的公告」. */
  title: string;
  /** 文号, e.g. 「某政发〔2024〕12号」. */
  docNo?: string;
  /** 批准机关 (signature line). */
  authority?: string;
  /** 批准时间 / 成文日期, any form parseDate accepts; printed 2024年3月1日. */
  date?: string;
  /**
   * Body paragraphs before the table. Undefined → a standard sentence built from authority, date and count;
   * an empty array → no body text.
   */
  intro?: string[];
  /** Paragraphs after the tables (contact, objection period …), before the signature. */
  closing?: string[];
  columns: ColumnSpec[];
  groups: AnnouncementGroup[];
  /**
   * Timestamp written into file metadata (DOCX/XLSX created/modified, ZIP entry times), ISO 8601.
   * Never the clock: default is `date`, else 2000-01-01, so identical input gives byte-identical files.
   */
  generated?: string;
}

/** What the catalogue knows about a column. */
export interface ColumnInfo {
  key: string;
  header: string;
  width: number;
  align: ColumnAlign;
  /** Other names accepted in a user template (besides key and header). */
  aliases: readonly string[];
  /** How the cell value is normalised for print. */
  kind?: 'date' | 'orientation' | 'seq';
  en: string;
}

/**
 * Known announcement columns (formats.md §4.1 property names; §4.3 headers). Keys match the record fields, so the
 * caller fills `row[key] = record.fields[key]`, plus computed values (pinyin, location_desc, length_m …).
 */
export const COLUMN_CATALOG: readonly ColumnInfo[] = [
  { key: 'seq', header: '序号', width: 6, align: 'center', aliases: ['编号', 'no', 'id'], kind: 'seq', en: 'running number (filled 1…N when empty)' },
  { key: 'name', header: '标准名称', width: 16, align: 'left', aliases: ['名称', '正式命名', '地名', '道路名称'], en: 'standard name' },
  { key: 'pinyin', header: '罗马字母拼写', width: 26, align: 'left', aliases: ['汉语拼音', '拼音', '地名汉语拼音拼写形式'], en: 'romanisation, tone-marked pinyin' },
  { key: 'admin_path', header: '所属政区', width: 24, align: 'left', aliases: ['所在政区', '行政区域'], en: 'administrative area' },
  { key: 'location_desc', header: '位置描述', width: 40, align: 'left', aliases: ['位置', '基本概况', '起止点'], en: 'location description' },
  { key: 'length_m', header: '长度(米)', width: 9, align: 'center', aliases: ['长度', '长度（米）'], en: 'length in metres' },
  { key: 'width_m', header: '宽度(米)', width: 9, align: 'center', aliases: ['宽度', '宽度（米）'], en: 'width in metres' },
  { key: 'orientation', header: '走向', width: 7, align: 'center', aliases: ['朝向', '方向'], kind: 'orientation', en: 'orientation (EW/NS printed 东西/南北)' },
  { key: 'naming_reason', header: '命名含义', width: 30, align: 'left', aliases: ['命名理由', '命名缘由', '地名含义', '含义'], en: 'meaning / reason for the name' },
  { key: 'approval_body', header: '批准机关', width: 18, align: 'left', aliases: [], en: 'approving body' },
  { key: 'approval_no', header: '批准文号', width: 18, align: 'left', aliases: ['批复文号', '文号'], en: 'approval document number' },
  { key: 'approval_date', header: '批准时间', width: 14, align: 'center', aliases: ['批准日期'], kind: 'date', en: 'approval date (printed 2024年3月1日)' },
  { key: 'common_name', header: '俗称', width: 12, align: 'left', aliases: ['习惯名称'], en: 'common name' },
  { key: 'pinyin_sign', header: '标志拼音', width: 24, align: 'left', aliases: ['地名标志汉语拼音拼写形式', '路牌拼音'], en: 'pinyin as on the road sign' },
  { key: 'type', header: '类别', width: 8, align: 'center', aliases: ['地名类别', '道路类别'], en: 'category' },
  { key: 'start', header: '起点', width: 16, align: 'left', aliases: [], en: 'start point' },
  { key: 'end', header: '止点', width: 16, align: 'left', aliases: ['终点'], en: 'end point' },
  { key: 'via', header: '途经', width: 18, align: 'left', aliases: [], en: 'via' },
  { key: 'attachment', header: '附图', width: 10, align: 'center', aliases: ['图'], en: 'map reference' },
  { key: 'township', header: '乡镇（街道）', width: 12, align: 'left', aliases: ['乡镇', '街道', '所属乡镇'], en: 'township' },
  { key: 'village', header: '村（社区）', width: 12, align: 'left', aliases: ['村', '社区', '所在村'], en: 'village' },
  { key: 'admin_code', header: '区划代码', width: 14, align: 'center', aliases: ['行政区划代码'], en: 'administrative code' },
  { key: 'place_code', header: '地名代码', width: 22, align: 'center', aliases: [], en: '20-digit place-name code' },
  { key: 'applicant', header: '申报单位', width: 18, align: 'left', aliases: ['命名申报主体单位'], en: 'applicant' },
  { key: 'grade', header: '道路等级', width: 10, align: 'center', aliases: ['等级'], en: 'road grade' },
  { key: 'old_name', header: '曾用名', width: 12, align: 'left', aliases: ['原名称'], en: 'former name' },
  { key: 'filing_date', header: '备案时间', width: 14, align: 'center', aliases: ['备案日期'], kind: 'date', en: 'filing date' },
  { key: 'announce_date', header: '公告时间', width: 14, align: 'center', aliases: ['公告日期'], kind: 'date', en: 'announcement date' },
  { key: 'remark', header: '备注', width: 14, align: 'left', aliases: [], en: 'remark' },
];

const CATALOG_BY_KEY = new Map(COLUMN_CATALOG.map((c) => [c.key, c]));

/** Prefix for pass-through input columns: `extra:备注` prints record.extra['备注']. */
export const EXTRA_PREFIX = 'extra:';

export function columnInfo(key: string): ColumnInfo | undefined {
  return CATALOG_BY_KEY.get(key);
}

/** A ColumnSpec for a catalogue key (or `extra:…`), with optional overrides. */
export function column(key: string, overrides: Partial<Omit<ColumnSpec, 'key'>> = {}): ColumnSpec {
  const info = CATALOG_BY_KEY.get(key);
  const header = overrides.header ?? info?.header ?? (key.startsWith(EXTRA_PREFIX) ? key.slice(EXTRA_PREFIX.length) : key);
  return { key, header, width: overrides.width ?? info?.width, align: overrides.align ?? info?.align };
}

/**
 * Group flat rows by township, keeping the order in which townships first appear (and the row order within each).
 * Rows with an empty township go into a group named by `fallback`.
 */
export function groupByTownship<T>(
  items: readonly T[],
  township: (item: T) => string | undefined,
  toRow: (item: T) => AnnouncementRow,
  opts: { adminPath?: (item: T) => string | undefined; fallback?: string } = {},
): AnnouncementGroup[] {
  const groups = new Map<string, AnnouncementGroup>();
  for (const item of items) {
    const name = cleanText(township(item)) || (opts.fallback ?? '其他');
    let g = groups.get(name);
    if (!g) {
      const adminPath = opts.adminPath?.(item);
      g = { township: name, ...(adminPath ? { adminPath } : {}), rows: [] };
      groups.set(name, g);
    }
    g.rows.push(toRow(item));
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------------------------
// Prepared form: what the writers actually render.

export interface PreparedColumn {
  key: string;
  header: string;
  width: number;
  align: ColumnAlign;
}

export interface PreparedGroup {
  township: string;
  adminPath?: string;
  /** Cell text per row, in column order (already cleaned and formatted). */
  rows: string[][];
}

export interface PreparedDoc {
  title: string;
  docNo?: string;
  authority?: string;
  /** 2024年3月1日, or the text as given when it is not a recognisable date. */
  dateText?: string;
  intro: string[];
  closing: string[];
  columns: PreparedColumn[];
  groups: PreparedGroup[];
  total: number;
  /** Metadata timestamp, `YYYY-MM-DDTHH:MM:SSZ`. */
  timestamp: string;
}

/** Default metadata time when neither `generated` nor `date` is given (never the clock). */
export const DEFAULT_TIMESTAMP = '2000-01-01T00:00:00Z';

const ORIENTATION_TEXT: Record<string, string> = {
  ew: '东西', we: '东西', 'east-west': '东西', 'e-w': '东西',
  ns: '南北', sn: '南北', 'north-south': '南北', 'n-s': '南北',
  other: '其他',
};

/**
 * Validate and normalise a document for the writers: clean every text (NFC, no XML-invalid characters), number
 * empty 序号 cells 1…N across all groups, print dates as 2024年3月1日 and orientation codes as 东西/南北, drop empty
 * groups, build the default body sentence. Pure: the input is not modified.
 */
export function prepareAnnouncement(doc: AnnouncementDoc): PreparedDoc {
  if (!doc.columns.length) {
    throw inputError(txt('公告表没有任何列', 'the announcement table has no columns'), undefined,
      txt('请在模板中至少列出一列，例如 name（标准名称）。', 'List at least one column in the template, e.g. name (标准名称).'));
  }
  const seen = new Set<string>();
  for (const c of doc.columns) {
    if (seen.has(c.key)) {
      throw inputError(txt(`公告表的列「${c.key}」重复`, `the announcement column "${c.key}" appears twice`), undefined,
        txt('每一列只能出现一次。', 'Each column may appear only once.'));
    }
    seen.add(c.key);
  }
  const columns: PreparedColumn[] = doc.columns.map((c) => {
    const info = CATALOG_BY_KEY.get(c.key);
    const width = c.width !== undefined && Number.isFinite(c.width) && c.width > 0 ? c.width : info?.width ?? 14;
    return { key: c.key, header: cleanText(c.header) || info?.header || c.key, width, align: c.align ?? info?.align ?? 'left' };
  });
  const kinds = columns.map((c) => CATALOG_BY_KEY.get(c.key)?.kind);
  let seq = 0;
  const groups: PreparedGroup[] = [];
  for (const g of doc.groups) {
    if (!g.rows.length) continue;
    const rows = g.rows.map((row) => {
      seq++;
      return columns.map((c, i) => {
        const raw = cleanText(row[c.key]);
        switch (kinds[i]) {
          case 'seq':
            return raw || String(seq);
          case 'date':
            return raw ? formatChineseDate(raw) ?? raw : '';
          case 'orientation':
            return ORIENTATION_TEXT[raw.toLowerCase()] ?? raw;
          default:
            return raw;
        }
      });
    });
    const adminPath = cleanText(g.adminPath);
    groups.push({ township: cleanText(g.township) || '其他', ...(adminPath ? { adminPath } : {}), rows });
  }
  const date = doc.date !== undefined ? parseDate(doc.date) : undefined;
  const dateText = date ? chineseDate(date) : cleanText(doc.date) || undefined;
  const authority = cleanText(doc.authority) || undefined;
  const title = cleanText(doc.title) || '道路名称备案公告';
  const intro = doc.intro !== undefined ? doc.intro.map(cleanText).filter(Boolean) : [defaultIntro(authority, dateText, seq, groups.length)];
  return {
    title,
    docNo: cleanText(doc.docNo) || undefined,
    authority,
    dateText,
    intro,
    closing: (doc.closing ?? []).map(cleanText).filter(Boolean),
    columns,
    groups,
    total: seq,
    timestamp: metadataTimestamp(doc.generated, date ? isoDate(date) : undefined),
  };
}

/** 「经某县人民政府于2024年3月1日批准，现将12个乡镇的1351条道路标准名称公告如下：」 */
function defaultIntro(authority: string | undefined, dateText: string | undefined, total: number, townships: number): string {
  const by = authority ? `经${authority}${dateText ? `于${dateText}` : ''}批准，` : dateText ? `经${dateText}批准，` : '';
  const where = townships > 1 ? `${townships}个乡镇（街道）的` : '';
  return `根据《地名管理条例》和《地名备案公告管理办法（试行）》，${by}现将${where}${total}条道路标准名称予以公告：`;
}

/** ISO 8601 UTC second precision from `generated` (any ISO form) or the document date. */
function metadataTimestamp(generated: string | undefined, dateIso: string | undefined): string {
  if (generated) {
    const t = Date.parse(generated);
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return dateIso ? `${dateIso}T00:00:00Z` : DEFAULT_TIMESTAMP;
}

/** Cell text with the group's township added in front (flat formats without section headings, e.g. CSV). */
export function flatHeader(doc: PreparedDoc): { header: string[]; townshipAdded: boolean } {
  const has = doc.columns.some((c) => c.key === 'township');
  const header = doc.columns.map((c) => c.header);
  if (has) return { header, townshipAdded: false };
  const at = doc.columns[0]?.key === 'seq' ? 1 : 0;
  header.splice(at, 0, columnInfo('township')!.header);
  return { header, townshipAdded: true };
}

/** The rows of a flat table (CSV): township inserted after 序号 (or first) unless the template has it. */
export function flatRows(doc: PreparedDoc): string[][] {
  const { townshipAdded } = flatHeader(doc);
  const at = doc.columns[0]?.key === 'seq' ? 1 : 0;
  const out: string[][] = [];
  for (const g of doc.groups) {
    for (const r of g.rows) {
      if (!townshipAdded) out.push(r);
      else out.push([...r.slice(0, at), g.township, ...r.slice(at)]);
    }
  }
  return out;
}

/** Heading of a township section: 「一、大王镇（共25条）」. */
export function groupHeading(g: PreparedGroup, index: number, numeral: (n: number) => string): string {
  return `${numeral(index + 1)}、${g.township}（共${g.rows.length}条）`;
}
