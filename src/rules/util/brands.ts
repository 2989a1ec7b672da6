import type { Lists } from '../../lists/lists.js';
import type { AnalyzedRecord } from '../types.js';
import { filled } from './fields.js';
import { contentText, findWords } from './words.js';

/** Enterprise markers in a 专名 (rules.md brand-name (a)), with the number of characters that must precede them. */
const MARKERS: [string, number][] = [['集团', 1], ['公司', 1], ['有限', 1], ['股份', 1], ['实业', 2], ['置业', 2], ['地产', 2]];
/** Words that show a cell names an enterprise. */
const ENTERPRISE_RE = /(公司|集团|有限|股份|企业|厂|实业|置业|地产|商行|合作社|商贸|工贸|科技|开发|投资)/;

export interface BrandMatch {
  /** An enterprise marker in the 专名 (集团, 公司 …). */
  marker?: string;
  /** A listed brand or enterprise name in the 专名. */
  brand?: string;
  /** The 专名 (or the brand) also appears in the applicant / naming-rights holder / naming reason. */
  linked: boolean;
  /** Where the link was found. */
  linkedBy?: 'applicant' | 'naming_rights' | 'naming_reason';
}

/** Does this record carry an enterprise name or trademark? Shared by brand-name and paid-naming. */
export function brandMatch(rec: AnalyzedRecord, lists: Lists): BrandMatch | undefined {
  const text = contentText(rec);
  if (!text) return undefined;
  const marker = MARKERS.find(([m, before]) => {
    const i = text.indexOf(m);
    return i >= before;
  })?.[0];
  const hits = findWords(lists.brands, text, 2);
  const brand = hits.length ? hits.reduce((a, b) => (b.word.length > a.word.length ? b : a)).word : undefined;
  const cells: ['applicant' | 'naming_rights' | 'naming_reason', string | undefined][] = [
    ['applicant', filled(rec, 'applicant')],
    ['naming_rights', filled(rec, 'naming_rights')],
    ['naming_reason', filled(rec, 'naming_reason')],
  ];
  let linkedBy: BrandMatch['linkedBy'];
  for (const [key, v] of cells) {
    if (!v) continue;
    if (brand && v.includes(brand)) linkedBy = key;
    // 金穗路 when the applicant is 金穗农业有限公司: the 专名 is the enterprise's name.
    else if (key !== 'naming_reason' && text.length >= 2 && v.includes(text) && ENTERPRISE_RE.test(v)) linkedBy = key;
    else if (key === 'naming_reason' && text.length >= 2 && new RegExp(`${escape(text)}[^，。；,.;\\s]{0,8}(公司|集团|有限|企业|厂)`).test(v)) linkedBy = key;
    if (linkedBy) break;
  }
  if (!marker && !brand && !linkedBy) return undefined;
  return { marker, brand, linked: Boolean(linkedBy), linkedBy };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
