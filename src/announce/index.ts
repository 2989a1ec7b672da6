/**
 * The announcement (备案公告) library: model, templates, dates, location descriptions and the writers.
 * Writers are imported lazily (docx and exceljs are heavy), so importing this module costs almost nothing.
 *
 *   const t = loadTemplate(opts.template);                        // built-in 'full' by default
 *   const doc: AnnouncementDoc = { title, docNo, authority, date, columns: t.columns, groups };
 *   await writeAnnouncement(doc, 'docx', 'out.docx', { orientation: t.orientation });
 */
import { usageError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { writeFileAtomic } from '../io/writers/atomic.js';
import type { AnnouncementDoc } from './model.js';
import type { PageOrientation } from './templates.js';

export * from './model.js';
export * from './dates.js';
export * from './templates.js';
export { describeLocation, formatLength, orientationCode, type LocationInput, type Orientation } from './location.js';
export { chineseNumeral, cleanText } from './text.js';
export { AnnounceRowBuilder, adminPath, isBlank, villageLabel, type AnnounceValues, type RoadGeometryInfo, type RowBuildOptions } from './records.js';

export const ANNOUNCE_FORMATS = ['docx', 'html', 'md', 'xlsx', 'csv'] as const;
export type AnnounceFormat = (typeof ANNOUNCE_FORMATS)[number];

export interface RenderOptions {
  /** DOCX/XLSX/HTML page orientation; 'auto' = landscape above 6 columns. */
  orientation?: PageOrientation;
  /** CSV only: write the UTF-8 BOM (default true). */
  bom?: boolean;
}

/** File extension → format (`.markdown` → md, `.htm` → html); undefined when unknown. */
export function formatFromPath(path: string): AnnounceFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  if (ext === 'htm') return 'html';
  if (ext === 'markdown') return 'md';
  return (ANNOUNCE_FORMATS as readonly string[]).includes(ext) ? (ext as AnnounceFormat) : undefined;
}

/** `--format` value → format, or a usage error listing the formats. */
export function parseAnnounceFormat(v: string): AnnounceFormat {
  const f = v.trim().toLowerCase().replace(/^\./, '');
  const alias = f === 'markdown' ? 'md' : f === 'htm' ? 'html' : f;
  if ((ANNOUNCE_FORMATS as readonly string[]).includes(alias)) return alias as AnnounceFormat;
  throw usageError(
    txt(`不支持的公告格式「${v}」`, `unsupported announcement format "${v}"`),
    txt(`可用格式：${ANNOUNCE_FORMATS.join('、')}。`, `Formats: ${ANNOUNCE_FORMATS.join(', ')}.`),
  );
}

/** Render to bytes (docx, xlsx) or text (html, md, csv). Identical input → identical output. */
export async function renderAnnouncement(doc: AnnouncementDoc, format: AnnounceFormat, opts: RenderOptions = {}): Promise<Uint8Array | string> {
  const orientation = opts.orientation ?? 'auto';
  switch (format) {
    case 'docx':
      return (await import('./writers/docx.js')).renderDocx(doc, { orientation });
    case 'xlsx':
      return (await import('./writers/xlsx.js')).renderXlsx(doc, { orientation });
    case 'html':
      return (await import('./writers/html.js')).renderHtml(doc, { orientation });
    case 'md':
      return (await import('./writers/md.js')).renderMarkdown(doc);
    case 'csv':
      return (await import('./writers/csv.js')).renderCsv(doc, { bom: opts.bom });
  }
}

/** Render and write atomically (temp file + rename). The caller checks `assertNotInput` first. */
export async function writeAnnouncement(doc: AnnouncementDoc, format: AnnounceFormat, target: string, opts: RenderOptions = {}): Promise<void> {
  const out = await renderAnnouncement(doc, format, opts);
  await writeFileAtomic(target, out);
}
