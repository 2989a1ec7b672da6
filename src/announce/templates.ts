/**
 * Announcement templates: which columns, in which order, with which headers and widths.
 * Built-in templates live in data/templates/announce-*.json; users pass their own JSON with `--template FILE`.
 *
 * Template JSON:
 *   { "name": "my-county",
 *     "orientation": "landscape",                       // optional: portrait | landscape | auto (DOCX/PDF page)
 *     "columns": [ "seq", "标准名称", { "key": "pinyin", "header": "汉语拼音", "width": 24 }, "extra:备注" ] }
 * A column is a catalogue key (name, pinyin …), one of its headers/aliases (标准名称, 汉语拼音 …), or
 * `extra:<input header>` for a pass-through input column.
 */
import { readFileSync } from 'node:fs';
import { DimingError, inputError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';
import { dataPath } from '../data/files.js';
import { COLUMN_ALIASES } from '../io/columns.js';
import type { FieldKey } from '../core/record.js';
import { COLUMN_CATALOG, type ColumnAlign, type ColumnSpec, EXTRA_PREFIX, column, columnInfo } from './model.js';

export type PageOrientation = 'portrait' | 'landscape' | 'auto';

export interface AnnounceTemplate {
  name: string;
  description?: Text;
  orientation?: PageOrientation;
  columns: ColumnSpec[];
}

/** Names of the shipped templates (`--template minimum`, `--template full`). */
export const BUILTIN_TEMPLATES = ['minimum', 'full'] as const;
export type BuiltinTemplate = (typeof BUILTIN_TEMPLATES)[number];

/** The template used when the user gives none (formats.md §4.3 default export template). */
export const DEFAULT_TEMPLATE: BuiltinTemplate = 'full';

const cache = new Map<string, AnnounceTemplate>();

/** A shipped template, read once from data/templates/announce-<name>.json. */
export function builtinTemplate(name: BuiltinTemplate): AnnounceTemplate {
  let t = cache.get(name);
  if (!t) {
    const rel = `templates/announce-${name}.json`;
    t = parseTemplate(readFileSync(dataPath(rel), 'utf8'), rel);
    cache.set(name, t);
  }
  return cloneTemplate(t);
}

function cloneTemplate(t: AnnounceTemplate): AnnounceTemplate {
  return { ...t, columns: t.columns.map((c) => ({ ...c })) };
}

function isBuiltin(s: string): s is BuiltinTemplate {
  return (BUILTIN_TEMPLATES as readonly string[]).includes(s);
}

/** The file a `--template` value names (an input the outputs must not overwrite), or undefined for a built-in name. */
export function templateFile(spec: string | undefined): string | undefined {
  if (!spec) return undefined;
  return isBuiltin(spec.replace(/^announce-/, '')) && !/[\\/.]/.test(spec) ? undefined : spec;
}

/**
 * `--template` value → template: a built-in name (`minimum`, `full`, also `announce-minimum`) or a JSON file path.
 * Undefined → the default template.
 */
export function loadTemplate(spec?: string): AnnounceTemplate {
  if (spec === undefined || spec === '') return builtinTemplate(DEFAULT_TEMPLATE);
  const short = spec.replace(/^announce-/, '');
  if (!templateFile(spec) && isBuiltin(short)) return builtinTemplate(short);
  let text: string;
  try {
    text = readFileSync(spec, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw inputError(
      txt(`无法读取公告模板（${code}）`, `cannot read the announcement template (${code})`),
      { file: spec },
      txt(`请检查文件路径，或使用内置模板：${BUILTIN_TEMPLATES.join('、')}。`, `Check the path, or use a built-in template: ${BUILTIN_TEMPLATES.join(', ')}.`),
      e,
    );
  }
  return parseTemplate(text, spec);
}

/** Parse and validate template JSON. Every problem is a DimingError naming the file and the column. */
export function parseTemplate(text: string, file?: string): AnnounceTemplate {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw inputError(
      txt('公告模板不是有效的 JSON', 'the announcement template is not valid JSON'),
      file ? { file } : undefined,
      txt('模板应为 {"columns": ["seq", "name", …]} 形式的 JSON 文件。', 'A template is a JSON file like {"columns": ["seq", "name", …]}.'),
      e,
    );
  }
  const where = file ? { file } : undefined;
  const bad = (zh: string, en: string, column?: string): DimingError =>
    inputError(txt(zh, en), { ...where, ...(column ? { column } : {}) }, FORMAT_HINT);
  const obj: Record<string, unknown> = Array.isArray(json) ? { columns: json } : isObject(json) ? json : {};
  if (!Array.isArray(obj.columns)) throw bad('公告模板缺少 "columns" 列表', 'the announcement template has no "columns" list');
  if (!obj.columns.length) throw bad('公告模板的 "columns" 为空', 'the "columns" list of the announcement template is empty');

  const columns: ColumnSpec[] = [];
  const seen = new Map<string, string>();
  obj.columns.forEach((entry: unknown, i: number) => {
    const n = i + 1;
    let ref: string;
    let header: string | undefined;
    let width: number | undefined;
    let align: ColumnAlign | undefined;
    if (typeof entry === 'string') ref = entry;
    else if (isObject(entry) && typeof entry.key === 'string') {
      ref = entry.key;
      if (entry.header !== undefined) {
        if (typeof entry.header !== 'string' || !entry.header.trim()) {
          throw bad(`第 ${n} 列的 "header" 应为非空文字`, `"header" of column ${n} must be non-empty text`, ref);
        }
        header = entry.header.trim();
      }
      if (entry.width !== undefined) {
        if (typeof entry.width !== 'number' || !Number.isFinite(entry.width) || entry.width <= 0 || entry.width > 200) {
          throw bad(`第 ${n} 列的 "width" 应为 1–200 之间的数字`, `"width" of column ${n} must be a number from 1 to 200`, ref);
        }
        width = entry.width;
      }
      if (entry.align !== undefined) {
        if (entry.align !== 'left' && entry.align !== 'center') {
          throw bad(`第 ${n} 列的 "align" 只能是 left 或 center`, `"align" of column ${n} must be left or center`, ref);
        }
        align = entry.align;
      }
    } else {
      throw bad(`第 ${n} 列应为列名文字或 {"key": …} 对象`, `column ${n} must be a column key or a {"key": …} object`);
    }
    const key = resolveColumnKey(ref);
    if (!key) throw unknownColumn(ref, file);
    const prev = seen.get(key);
    if (prev !== undefined) {
      throw bad(`列「${ref}」与「${prev}」是同一列，重复出现`, `column "${ref}" is the same column as "${prev}" and appears twice`, ref);
    }
    seen.set(key, ref);
    columns.push(column(key, { ...(header ? { header } : {}), ...(width ? { width } : {}), ...(align ? { align } : {}) }));
  });

  let orientation: PageOrientation | undefined;
  if (obj.orientation !== undefined) {
    if (obj.orientation !== 'portrait' && obj.orientation !== 'landscape' && obj.orientation !== 'auto') {
      throw bad('"orientation" 只能是 portrait、landscape 或 auto', '"orientation" must be portrait, landscape or auto');
    }
    orientation = obj.orientation;
  }
  let description: Text | undefined;
  if (isObject(obj.description) && typeof obj.description.zh === 'string' && typeof obj.description.en === 'string') {
    description = txt(obj.description.zh, obj.description.en);
  } else if (typeof obj.description === 'string') description = txt(obj.description, obj.description);
  const name = typeof obj.name === 'string' && obj.name.trim() ? obj.name.trim() : file ?? 'template';
  return { name, ...(description ? { description } : {}), ...(orientation ? { orientation } : {}), columns };
}

const FORMAT_HINT = txt(
  '模板格式：{"columns": ["seq", "name", {"key": "pinyin", "header": "汉语拼音", "width": 24}]}；运行 diming announce --help 查看可用列。',
  'Template format: {"columns": ["seq", "name", {"key": "pinyin", "header": "汉语拼音", "width": 24}]}; see diming announce --help for the columns.',
);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** NFKC, no spaces, lower case, brackets unified: 「长度（米）」 = 「长度(米)」 = 「长度 (米)」. */
function norm(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

let lookup: Map<string, string> | undefined;

function lookupTable(): Map<string, string> {
  if (lookup) return lookup;
  const m = new Map<string, string>();
  // Most specific first: keys, then printed headers, then our aliases, then the input-column aliases.
  for (const c of COLUMN_CATALOG) m.set(norm(c.key), c.key);
  for (const c of COLUMN_CATALOG) if (!m.has(norm(c.header))) m.set(norm(c.header), c.key);
  for (const c of COLUMN_CATALOG) for (const a of c.aliases) if (!m.has(norm(a))) m.set(norm(a), c.key);
  for (const [field, aliases] of Object.entries(COLUMN_ALIASES) as [FieldKey, readonly string[]][]) {
    const key = field === 'id' ? 'seq' : field;
    if (!columnInfo(key)) continue;
    for (const a of aliases) if (!m.has(norm(a))) m.set(norm(a), key);
  }
  lookup = m;
  return m;
}

/** A template column reference → catalogue key (or `extra:<header>`); undefined when unknown. */
export function resolveColumnKey(ref: string): string | undefined {
  const s = ref.trim();
  if (s.toLowerCase().startsWith(EXTRA_PREFIX)) {
    const header = s.slice(EXTRA_PREFIX.length).trim();
    return header ? EXTRA_PREFIX + header : undefined;
  }
  return lookupTable().get(norm(s));
}

/** 「seq（序号）、name（标准名称）…」 */
export function validColumnList(lang: 'zh' | 'en'): string {
  const items = COLUMN_CATALOG.map((c) => (lang === 'zh' ? `${c.key}（${c.header}）` : `${c.key} (${c.header})`));
  return items.join(lang === 'zh' ? '、' : ', ');
}

function unknownColumn(ref: string, file?: string): DimingError {
  return inputError(
    txt(`公告模板中的列「${ref}」不认识`, `unknown column "${ref}" in the announcement template`),
    { ...(file ? { file } : {}), column: ref },
    txt(
      `可用的列：${validColumnList('zh')}；输入表中的其他列写作 "extra:列名"。`,
      `Valid columns: ${validColumnList('en')}; other input columns are written "extra:<header>".`,
    ),
  );
}
