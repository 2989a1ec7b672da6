import { inputError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True when a byte-order mark was present (and removed). */
  bom: boolean;
}

const ALIASES: Record<string, TextEncoding> = {
  'utf8': 'utf-8', 'utf-8': 'utf-8', '65001': 'utf-8',
  'gbk': 'gb18030', 'gb2312': 'gb18030', 'gb18030': 'gb18030', 'cp936': 'gb18030', '936': 'gb18030', 'ansi': 'gb18030',
  'utf16le': 'utf-16le', 'utf-16le': 'utf-16le', 'utf16be': 'utf-16be', 'utf-16be': 'utf-16be',
};

/** The code pages a .dbf is read in (formats.md §2.2): a UTF-16 .dbf does not occur. */
const DBF_ENCODINGS: readonly TextEncoding[] = ['utf-8', 'gb18030'];

/** What the hint of an unsupported --encoding lists (every label encodingFromLabel knows, by family). */
export const ENCODINGS_HINT: Text = txt('可用的编码：utf-8、gbk（即 gb18030）、utf-16le、utf-16be。', 'Supported: utf-8, gbk (gb18030), utf-16le, utf-16be.');
export const DBF_ENCODINGS_HINT: Text = txt('可用：utf-8、gbk（gb18030）。', 'Supported: utf-8, gbk (gb18030).');

/** A --dbf-encoding or .cpg label as a code page a .dbf may have; undefined when unknown or not one (UTF-16). */
export function dbfEncodingFromLabel(label: string): TextEncoding | undefined {
  const enc = encodingFromLabel(label);
  return enc && DBF_ENCODINGS.includes(enc) ? enc : undefined;
}

/** Map a user- or .cpg-supplied encoding label to one we decode; undefined when unknown. */
export function encodingFromLabel(label: string): TextEncoding | undefined {
  return ALIASES[label.trim().toLowerCase().replace(/[\s_]/g, '')];
}

/**
 * Decode a whole text file before parsing (GBK is not self-synchronising, so bytes must never be split first).
 * Order: BOM → strict UTF-8 → GB18030 (a strict UTF-8 failure on Chinese text is a reliable GBK signal).
 */
export function decodeText(buf: Uint8Array, file: string, forced?: string): DecodedText {
  if (forced) {
    const enc = encodingFromLabel(forced);
    if (!enc) {
      throw inputError(
        txt(`不支持的编码「${forced}」`, `unsupported encoding "${forced}"`),
        { file },
        ENCODINGS_HINT,
      );
    }
    const bom = hasBom(buf, enc);
    return { text: strictDecode(buf.subarray(bom ? bomLength(enc) : 0), enc, file), encoding: enc, bom };
  }
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: strictDecode(buf.subarray(3), 'utf-8', file), encoding: 'utf-8', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: strictDecode(buf.subarray(2), 'utf-16le', file), encoding: 'utf-16le', bom: true };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: strictDecode(buf.subarray(2), 'utf-16be', file), encoding: 'utf-16be', bom: true };
  }
  if (looksBinary(buf)) {
    const utf16 = utf16WithoutBom(buf);
    if (utf16) {
      throw inputError(
        txt(`文件看起来是没有字节顺序标记（BOM）的 ${utf16.toUpperCase()} 文本`, `the file looks like ${utf16.toUpperCase()} text without a byte-order mark (BOM)`),
        { file },
        txt(`请用 --encoding ${utf16} 指定编码，或在 Excel/WPS 中另存为「CSV UTF-8」。`, `Give --encoding ${utf16}, or save it from Excel/WPS as "CSV UTF-8".`),
      );
    }
    throw inputError(
      txt('文件不是文本表格（含有二进制内容：空字符 0x00）', 'the file is not a text table (it contains binary data: a NUL byte)'),
      { file, line: lineOf(buf, buf.indexOf(0)) },
      txt('请另存为 CSV（UTF-8 或 GBK 编码）或 .xlsx 后再试；如果只有这一行有问题，请删除该行中的异常字符。', 'Save it as CSV (UTF-8 or GBK) or .xlsx and try again; if only this line is affected, remove the stray characters.'),
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', bom: false };
  } catch {
    // not UTF-8: try GB18030 (a superset of GBK and GB2312)
  }
  const mixed = mixedEncoding(buf);
  if (mixed) {
    throw inputError(
      txt(
        `文件混用了两种编码：第 ${mixed.utf8} 行是 UTF-8，第 ${mixed.other} 行却不是 UTF-8（可能是 GBK）`,
        `the file mixes two encodings: line ${mixed.utf8} is UTF-8 but line ${mixed.other} is not (probably GBK)`,
      ),
      { file, line: mixed.other },
      txt(
        '文件可能是由不同来源的内容拼接而成。请统一编码：在记事本/Excel/WPS 中检查这些行，改好后另存为「CSV UTF-8」。',
        'The file was probably pieced together from different sources. Fix those lines in an editor and save the whole file as "CSV UTF-8".',
      ),
    );
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030', bom: false };
  } catch (cause) {
    throw inputError(
      txt('文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030', 'cannot detect the encoding: the file is neither UTF-8 nor GBK/GB18030'),
      { file, line: firstUndecodableLine(buf) },
      txt('请在 Excel/WPS 中另存为「CSV UTF-8」，或用 --encoding 指定编码。', 'Save it from Excel/WPS as "CSV UTF-8", or give the encoding with --encoding.'),
      cause,
    );
  }
}

function strictDecode(buf: Uint8Array, enc: TextEncoding, file: string): string {
  try {
    return new TextDecoder(enc, { fatal: true }).decode(buf);
  } catch (cause) {
    throw inputError(
      txt(`文件内容不是有效的 ${enc.toUpperCase()} 编码`, `the file is not valid ${enc.toUpperCase()}`),
      { file },
      txt('请检查编码（--encoding）或重新导出文件。', 'Check the encoding (--encoding) or export the file again.'),
      cause,
    );
  }
}

function hasBom(buf: Uint8Array, enc: TextEncoding): boolean {
  if (enc === 'utf-8') return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  if (enc === 'utf-16le') return buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe;
  if (enc === 'utf-16be') return buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff;
  return false;
}

function bomLength(enc: TextEncoding): number {
  return enc === 'utf-8' ? 3 : 2;
}

/** NUL bytes never occur in UTF-8 or GBK text tables (UTF-16 was handled by its BOM). */
function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 8192);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

/** 1-based line of byte offset `at`. */
function lineOf(buf: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/**
 * UTF-16 without a BOM: NUL bytes (the high bytes of ASCII characters such as commas and line ends) only at odd
 * offsets (little-endian) or only at even offsets (big-endian).
 */
function utf16WithoutBom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(buf.length, 8192) & ~1;
  let even = 0, odd = 0;
  for (let i = 0; i < n; i++) {
    if (buf[i] !== 0) continue;
    if (i & 1) odd++;
    else even++;
  }
  if (n < 4 || buf.length % 2 !== 0) return undefined;
  if (odd >= 2 && even === 0) return 'utf-16le';
  if (even >= 2 && odd === 0) return 'utf-16be';
  return undefined;
}

/**
 * A file that is not UTF-8 as a whole but has UTF-8 lines with Chinese (two or more 3-byte CJK sequences: GBK text
 * almost never forms these) next to lines that are GBK/GB18030 and not UTF-8: the first line of each.
 */
function mixedEncoding(buf: Uint8Array): { utf8: number; other: number } | undefined {
  let utf8: number | undefined, other: number | undefined;
  let line = 1, start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i < buf.length && buf[i] !== 0x0a) continue;
    if (i > start) {
      const kind = utf8Line(buf, start, i);
      if (kind === 'cjk') utf8 ??= line;
      else if (kind === 'invalid' && other === undefined && isGb18030(buf.subarray(start, i))) other = line;
      if (utf8 !== undefined && other !== undefined) return { utf8, other };
    }
    line++;
    start = i + 1;
  }
  return undefined;
}

/** The first line that is neither UTF-8 nor GB18030 (where a text table got damaged), if there is one line to name. */
function firstUndecodableLine(buf: Uint8Array): number | undefined {
  let line = 1, start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i < buf.length && buf[i] !== 0x0a) continue;
    if (i > start && utf8Line(buf, start, i) === 'invalid' && !isGb18030(buf.subarray(start, i))) return line;
    line++;
    start = i + 1;
  }
  return undefined;
}

function isGb18030(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function utf8Line(buf: Uint8Array, start: number, end: number): 'invalid' | 'cjk' | 'plain' {
  let cjk = 0;
  for (let i = start; i < end;) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= end) return 'invalid';
    for (let k = 1; k <= n; k++) if ((buf[i + k] & 0xc0) !== 0x80) return 'invalid';
    if (n === 2 && b >= 0xe4 && b <= 0xe9) cjk++;
    i += n + 1;
  }
  return cjk >= 2 ? 'cjk' : 'plain';
}
