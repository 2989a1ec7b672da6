/**
 * The announcement step shared by `diming announce` and `diming run`: fill 批准机关/批准时间/批准文号 from the command
 * line before the check, build the announcement rows from the checked records (resolved area, pinyin, geometry),
 * judge announce-fields on what will be printed, and assemble the document (rows with errors kept and marked in
 * 备注 under --force).
 */
import { type AnnouncementDoc, type AnnouncementRow, type ColumnSpec, column, groupByTownship } from '../announce/index.js';
import { AnnounceRowBuilder, type AnnounceValues, type RoadGeometryInfo, isBlank } from '../announce/records.js';
import type { RunCheckResult } from '../check/run.js';
import { sortAndCount } from '../check/engine.js';
import type { Dataset, FieldKey } from '../core/record.js';
import type { Text } from '../core/text.js';
import type { Orthography } from '../pinyin/orthography.js';
import { configFor } from '../profiles/profile.js';
import { announceFields, checkAnnounceFields, DEFAULT_REQUIRED } from '../rules/announce-fields.js';
import type { AnalyzedRecord, Finding, ReportedSeverity, Severity } from '../rules/types.js';

/** Township group for rows whose area names none. */
export const NO_TOWNSHIP = '未注明乡镇（街道）';

/**
 * --authority/--date/--doc-no fill 批准机关/批准时间/批准文号 of rows that have none, before the check, so the process
 * rules (approval-authority, deadlines) judge the values that will be published. Returns what was filled.
 */
export function fillProcessFields(ds: Dataset, values: Partial<Record<FieldKey, string>>): Partial<Record<FieldKey, number>> {
  const counts: Partial<Record<FieldKey, number>> = {};
  for (const [key, value] of Object.entries(values) as [FieldKey, string | undefined][]) {
    if (value === undefined) continue;
    for (const r of ds.records) {
      if (!isBlank(r.fields[key])) continue;
      r.fields[key] = value;
      counts[key] = (counts[key] ?? 0) + 1;
    }
  }
  return counts;
}

/** What the check pipeline carries on an analysed record once geometry is part of it (`geo`). */
interface GeometryLike {
  measure?: { lengthM?: number; start?: number[]; end?: number[]; orientation?: { code?: string } };
  startName?: string;
  endName?: string;
  /** A straight line from start/end coordinate columns: its length is not the road's. */
  approximate?: boolean;
}

function toInfo(g: GeometryLike | undefined): RoadGeometryInfo | undefined {
  const m = g?.measure;
  if (!m) return undefined;
  const code = m.orientation?.code;
  return {
    lengthM: g.approximate ? undefined : m.lengthM,
    start: m.start,
    end: m.end,
    orientation: code === 'EW' || code === 'NS' || code === 'other' ? code : undefined,
    startName: g.startName,
    endName: g.endName,
  };
}

/** Length, ends and direction per record, from the geometry stage the check ran (`rec.geo`). */
export function geometryInfo(rec: AnalyzedRecord): RoadGeometryInfo | undefined {
  const r = rec as unknown as { geo?: GeometryLike };
  return toInfo(r.geo);
}

export interface AnnouncementPlan {
  values: AnnounceValues[];
  builder: AnnounceRowBuilder;
  /** The check's findings with announce-fields judged on the printed values. */
  findings: Finding[];
  summary: { rows: number; errors: number; warnings: number; infos: number };
  /** Error findings per row (rows refused, or marked under --force). */
  errors: Map<number, Finding[]>;
}

/**
 * Announcement rows from a check result, and the findings as the announcement sees them: announce-fields always
 * runs before an announcement (rules.md §0.5), on the values the announcement prints.
 */
export function planAnnouncement(
  ds: Dataset,
  result: RunCheckResult,
  opts: { columns: readonly ColumnSpec[]; rules: ReadonlyMap<string, Severity>; orthography?: Orthography },
): AnnouncementPlan {
  const hasGeometry = result.records.some((r) => (r as { geo?: unknown }).geo);
  const builder = new AnnounceRowBuilder(ds, { columns: opts.columns, geometry: hasGeometry ? geometryInfo : undefined, orthography: opts.orthography });
  const values = result.records.map((rec) => builder.build(rec));
  const findings = result.findings.filter((f) => f.rule !== 'announce-fields');
  for (const v of values) findings.push(...announceFieldFindings(v, builder, result, opts.rules));
  const summary = sortAndCount(findings, result.records.length);
  const errors = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.severity !== 'error') continue;
    const list = errors.get(f.row);
    if (list) list.push(f);
    else errors.set(f.row, [f]);
  }
  return { values, builder, findings, summary, errors };
}

/**
 * The announce-fields findings of one row, judged on what the announcement prints (generated pinyin, resolved area,
 * a location from the table or from both ends). Severity: --rule, else the profile's, and `error` where a profile
 * leaves the rule off — before an announcement it always runs.
 */
function announceFieldFindings(v: AnnounceValues, builder: AnnounceRowBuilder, result: RunCheckResult, overrides: ReadonlyMap<string, Severity>): Finding[] {
  const rec = v.rec;
  const profile = result.profiles.find((p) => p.name === rec.profile) ?? result.profiles[0];
  const config = configFor(profile, { type: rec.type, kind: rec.kind, adminCode: rec.admin.code, tier: rec.record.fields.tier }).get('announce-fields');
  const severity: Severity = overrides.get('announce-fields') ?? (config && config.severity !== 'off' ? config.severity : 'error');
  if (severity === 'off') return [];
  const required = Array.isArray(config?.options.required) ? (config.options.required as string[]) : DEFAULT_REQUIRED;
  // The record as the announcement will print it: the rule reads fields, pass-through columns and the area.
  const extra = { ...rec.record.extra };
  const locationHeader = builder.extraHeader('location_desc');
  if (locationHeader) delete extra[locationHeader];
  if (v.hasLocation) extra['位置描述'] = v.row.location_desc ? String(v.row.location_desc) : 'x';
  const view: AnalyzedRecord = {
    record: { ...rec.record, fields: { ...rec.record.fields, pinyin: v.pinyin, pinyin_sign: undefined, start: undefined, end: undefined }, extra },
    row: rec.row,
    name: rec.name,
    full: rec.full,
    type: rec.type,
    kind: rec.kind,
    parsed: rec.parsed,
    romanization: undefined,
    admin: rec.admin,
    profile: rec.profile,
  };
  const out: Finding[] = [];
  checkAnnounceFields(view, required, (message: Text) => {
    out.push({
      row: rec.row,
      name: rec.name,
      rule: 'announce-fields',
      severity: severity as ReportedSeverity,
      message,
      fix: announceFields.meta.fix,
      township: rec.admin.township,
    });
  });
  return out;
}

/** A value when every row agrees on it (the document's 批准机关/时间/文号 when the command line gives none). */
function common(values: readonly AnnounceValues[], key: FieldKey): string | undefined {
  let found: string | undefined;
  for (const v of values) {
    const s = v.rec.record.fields[key];
    if (isBlank(s)) return undefined;
    const t = s!.trim();
    if (found === undefined) found = t;
    else if (found !== t) return undefined;
  }
  return found;
}

/** The remark of a row kept with --force: 「未通过审查：…」 with each error message once. */
function remarkFor(list: readonly Finding[]): string {
  const seen = [...new Set(list.map((f) => f.message.zh))];
  return `未通过审查：${seen.join('；')}`;
}

/** The announcement document: rows grouped by township; rows with errors marked in 备注 (they are only kept under --force). */
export function announcementDoc(
  plan: Pick<AnnouncementPlan, 'values' | 'errors'>,
  templateColumns: readonly ColumnSpec[],
  o: { title?: string; authority?: string; date?: string; docNo?: string },
): AnnouncementDoc {
  const { values, errors } = plan;
  const columns = templateColumns.map((c) => ({ ...c }));
  // --force: rows with errors are kept and say so in 备注 (added at the end when the template has no such column).
  if (errors.size && !columns.some((c) => c.key === 'remark')) columns.push(column('remark', { width: 24 }));
  const rowOf = (v: AnnounceValues): AnnouncementRow => {
    const list = errors.get(v.rec.row);
    if (!list) return v.row;
    const own = v.row.remark ? String(v.row.remark) : '';
    return { ...v.row, remark: own ? `${remarkFor(list)}；${own}` : remarkFor(list) };
  };
  const groups = groupByTownship(values, (v) => v.township, rowOf, { adminPath: (v) => v.townshipPath, fallback: NO_TOWNSHIP });
  const authority = o.authority ?? common(values, 'approval_body');
  const closing = errors.size
    ? [`注：本稿中有${errors.size}条道路名称未通过审查（见“备注”栏），须核实处理后方可公告。`]
    : [];
  return {
    title: o.title ?? (authority ? `${authority}关于乡村道路命名的公告` : '道路名称备案公告'),
    docNo: o.docNo ?? common(values, 'approval_no'),
    authority,
    date: o.date ?? common(values, 'approval_date'),
    closing,
    columns,
    groups,
  };
}

/** "已生成公告…" for summaries. */
export function announcementCounts(doc: AnnouncementDoc): { total: number; townships: number } {
  return { total: doc.groups.reduce((n, g) => n + g.rows.length, 0), townships: doc.groups.length };
}

