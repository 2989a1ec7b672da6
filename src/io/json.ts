import { type Text, txt } from '../core/text.js';

/** A JSON.parse error, explained: what is wrong (both languages) and where (1-based line and column) when known. */
export interface JsonProblem {
  text: Text;
  line?: number;
  column?: number;
}

/** Explain the error JSON.parse threw on `source` (V8's messages: with or without a position). */
export function jsonProblem(e: unknown, source: string): JsonProblem {
  const msg = (e as Error)?.message ?? String(e);
  const pos = positionOf(msg, source);
  let line: number | undefined, column: number | undefined;
  if (pos !== undefined) {
    const before = source.slice(0, pos);
    line = before.split('\n').length;
    column = pos - before.lastIndexOf('\n');
  }
  const at = column !== undefined ? `（第 ${column} 列）` : '';
  return { text: txt(`${describe(msg)}${at}`, msg), line, column };
}

/** What a JSON.parse error message says, without a position (for a parser that reports places its own way). */
export function jsonErrorText(msg: string): Text {
  return txt(describe(msg), msg);
}

function positionOf(msg: string, source: string): number | undefined {
  const p = /at position (\d+)/.exec(msg);
  if (p) return Math.min(Number(p[1]), source.length);
  if (/Unexpected end of JSON input/.test(msg)) return source.trimEnd().length;
  // "Unexpected token 'N', ..."18.5,37],[NaN,37]]}}"... is not valid JSON": the token is 10 characters into an
  // excerpt that starts with "..." (V8 shows 10 characters either side), else at its first place in the excerpt.
  const t = /Unexpected token '([\s\S])', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(msg);
  if (t) {
    const idx = source.indexOf(t[3]);
    if (idx < 0) return undefined;
    return t[2] ? idx + 10 : idx + Math.max(0, t[3].indexOf(t[1]));
  }
  return undefined;
}

function describe(msg: string): string {
  const tok = /^Unexpected token '([\s\S])'/.exec(msg);
  if (tok) {
    if (tok[1] === '/') return '出现了注释：JSON 不能有注释';
    if (tok[1] === 'N' || tok[1] === 'I') return '出现了 NaN 或 Infinity：JSON 中的数字必须是有限的数值';
    return `出现了不应有的字符「${tok[1]}」`;
  }
  const table: [RegExp, string][] = [
    [/Unexpected end of JSON input/, '内容没有结束就到了文件末尾（文件可能被截断）'],
    [/Expected ',' or '\]' after array element/, '数组元素后面缺少逗号或 ]'],
    [/Expected ',' or '\}' after property value/, '属性值后面缺少逗号或 }'],
    [/Expected (double-quoted )?property name/, '此处应为带双引号的属性名（JSON 不能有注释，最后一项后面也不能有逗号）'],
    [/Expected ':' after property name/, '属性名后面缺少冒号'],
    [/Unterminated string/, '字符串的引号没有闭合'],
    [/Bad control character in string literal/, '字符串中有未转义的控制字符（如换行、制表符）'],
    [/Bad (escaped character|Unicode escape)/, '字符串中有无效的转义（\\）'],
    [/Unexpected non-whitespace character after JSON/, 'JSON 内容结束之后还有多余的内容'],
    [/No number after minus sign|Exponent part is missing a number|Unterminated fractional number/, '数字的写法有误'],
  ];
  for (const [re, zh] of table) if (re.test(msg)) return zh;
  return `格式有误（${msg}）`;
}
