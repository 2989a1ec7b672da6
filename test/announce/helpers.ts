import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import { FIXTURES } from '../helpers.js';
// The synthetic document generator shared with the bench (pure; it loads nothing from dist/).
import { makeAnnouncementDoc } from '../../bench/announce.mjs';
import { type AnnouncementDoc, type AnnouncementRow, loadTemplate } from '../../src/announce/index.js';

export const HOSTILE: AnnouncementRow[] = JSON.parse(readFileSync(join(FIXTURES, 'announce', 'hostile-rows.json'), 'utf8')).rows;

/** A synthetic announcement (roads over townships) with the hostile rows appended to the first township. */
export function sampleDoc(opts: { roads?: number; townships?: number; template?: string; hostile?: boolean } = {}): AnnouncementDoc {
  return makeAnnouncementDoc({
    roads: opts.roads ?? 30,
    townships: opts.townships ?? 3,
    columns: loadTemplate(opts.template ?? 'full').columns,
    extraRows: opts.hostile === false ? [] : HOSTILE,
  }) as AnnouncementDoc;
}

export async function unzip(bytes: Uint8Array): Promise<JSZip> {
  return JSZip.loadAsync(bytes);
}

export async function entry(zip: JSZip, path: string): Promise<string> {
  const f = zip.file(path);
  if (!f) throw new Error(`missing ${path}`);
  return f.async('string');
}

/** Parse XML strictly (throws on any well-formedness error). */
export function parseXml(xml: string): Document {
  return new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${msg}`);
    },
  }).parseFromString(xml, 'text/xml') as unknown as Document;
}

/** Every name in the document, as it must appear in the output (after cleaning). */
export function allNames(doc: AnnouncementDoc): string[] {
  return doc.groups.flatMap((g) => g.rows.map((r) => String(r.name ?? '')));
}

/** Text content of all w:t / t elements, joined per element. */
export function xmlTexts(xml: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?: [^>]*)?>([^<]*)</${tag}>`, 'g');
  for (const m of xml.matchAll(re)) out.push(unescapeXml(m[1]));
  return out;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}
