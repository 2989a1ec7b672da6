/**
 * CSV (UTF-8 with BOM, CRLF, for Excel/WPS on zh-CN Windows) through the project's `toCsv`: cells starting with
 * = + - @ are prefixed with an apostrophe so they never run as formulas. The table is flat: the township is a
 * column (inserted after 序号, or first) unless the template already has one.
 */
import { toCsv } from '../../io/writers/csv.js';
import { type AnnouncementDoc, flatHeader, flatRows, prepareAnnouncement } from '../model.js';

export function renderCsv(input: AnnouncementDoc, opts: { bom?: boolean } = {}): string {
  const doc = prepareAnnouncement(input);
  return toCsv(flatHeader(doc).header, flatRows(doc), { bom: opts.bom });
}
