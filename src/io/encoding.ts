import { inputError } from '../core/errors.js';
import { txt } from '../core/text.js';

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
        txt('可用的编码：utf-8、gbk（即 gb18030）、utf-16le。', 'Supported: utf-8, gbk (gb18030), utf-16le.'),
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
    throw inputError(
      txt('文件不是文本表格（含有二进制内容）', 'the file is not a text table (it contains binary data)'),
      { file },
      txt('请另存为 CSV（UTF-8 或 GBK 编码）或 .xlsx 后再试。', 'Save it as CSV (UTF-8 or GBK) or .xlsx and try again.'),
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', bom: false };
  } catch {
    // not UTF-8: try GB18030 (a superset of GBK and GB2312)
  }
  try {
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(buf), encoding: 'gb18030', bom: false };
  } catch (cause) {
    throw inputError(
      txt('文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030', 'cannot detect the encoding: the file is neither UTF-8 nor GBK/GB18030'),
      { file },
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
