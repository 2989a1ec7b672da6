import { readdirSync, readFileSync } from 'node:fs';
import { DimingError } from '../core/errors.js';
import { type Text, txt } from '../core/text.js';
import { dataPath } from '../data/files.js';

/**
 * The sign style model (formats.md §4.6). Defaults follow what is known of GB 17733 street and lane signs: white
 * text on blue, Chinese name in the upper 3/5, pinyin in the lower 2/5, a 1000 × 600 mm panel with an edge of at most
 * 25 mm (the residential-area sign size of the 六盘水 notice; the exact 街牌/巷牌 sizes of GB 17733-2008 are
 * unverified). A user style is a JSON file with the snake_case keys of `STYLE_KEYS`; it may `extend` a built-in
 * preset (`data/styles/*.json`).
 */

/** How ü is written on the sign: kept (LÜ), as U, or as V (pinyin.md §2; sign practice unverified). */
export type Umlaut = 'keep' | 'u' | 'v';
/** Arrows in the pinyin band (at its ends) or beside the text (at the panel's ends, both bands). */
export type ArrowPlacement = 'pinyin' | 'side';
export type BrandPosition = 'top' | 'bottom';

/** A small line such as the issuing authority (监制单位) in its own strip. */
export interface BrandLine {
  text: string;
  position: BrandPosition;
  /** Height of the brand strip as a share of the panel height. */
  heightRatio: number;
  /** Text colour; the style's text colour when absent. */
  color?: string;
}

export interface ArrowStyle {
  /** Draw the arrows a sign asks for (the schedule gives each sign its arrow). */
  enabled: boolean;
  placement: ArrowPlacement;
  /** Arrow colour; the style's text colour when absent. */
  color?: string;
}

export interface SignStyle {
  /** Style name, written into every SVG's metadata. */
  name: string;
  description: string;
  widthMm: number;
  heightMm: number;
  /** The edge zone around the panel (GB practice: ≤ 25 mm); text stays inside it. */
  borderMm: number;
  /** Width of the frame line drawn in the middle of the edge zone (0 = none). */
  frameLineMm: number;
  cornerRadiusMm: number;
  background: string;
  textColor: string;
  frameColor: string;
  /** Width of a line between the Chinese and the pinyin band (0 = none). */
  dividerMm: number;
  /** CJK font families, most wanted first (a generic `sans-serif` is always appended). */
  fontCjk: string[];
  /** Latin font families for the pinyin (the CJK stack follows as fallback). */
  fontLatin: string[];
  fontWeight: number;
  /** Chinese font size ≤ this share of its band height. */
  chineseMaxHeight: number;
  /** Chinese text ≤ this share of the inner panel width. */
  chineseMaxWidth: number;
  /** Horizontal squeeze allowed for long Chinese names before they scale down (1 = none; 0.8 = 长体 80 %). */
  chineseCondense: number;
  /** Pinyin lines ≤ this share of the inner panel width. */
  pinyinMaxWidth: number;
  /** Wrap the pinyin only when one line would be smaller than this share of its unconstrained size. */
  pinyinMinScale: number;
  pinyinMaxLines: number;
  brand: BrandLine | null;
  arrow: ArrowStyle;
  /** ü on signs; unset means keep (Ü), or the profile's `signUmlaut` setting in diming run. */
  umlaut?: Umlaut;
}

export const DEFAULT_CJK_FONTS: readonly string[] = [
  'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'SimHei', 'PingFang SC', 'WenQuanYi Zen Hei',
];
export const DEFAULT_LATIN_FONTS: readonly string[] = ['Arial', 'Helvetica', 'Liberation Sans', 'Nimbus Sans', 'DejaVu Sans'];

/** The built-in default: white on blue per GB 17733 practice; colour values unverified (formats.md §4.6). */
export const DEFAULT_SIGN_STYLE: Readonly<SignStyle> = Object.freeze({
  name: 'default',
  description: '蓝底白字街路巷牌（GB 17733 做法；尺寸与色值未按标准原文核对） / white on blue street sign (GB 17733 practice; sizes and colour values unverified)',
  widthMm: 1000,
  heightMm: 600,
  borderMm: 20,
  frameLineMm: 6,
  cornerRadiusMm: 20,
  background: '#0050A0',
  textColor: '#FFFFFF',
  frameColor: '#FFFFFF',
  dividerMm: 0,
  fontCjk: [...DEFAULT_CJK_FONTS],
  fontLatin: [...DEFAULT_LATIN_FONTS],
  fontWeight: 700,
  chineseMaxHeight: 0.8,
  chineseMaxWidth: 0.9,
  chineseCondense: 1,
  pinyinMaxWidth: 0.9,
  pinyinMinScale: 0.45,
  pinyinMaxLines: 2,
  brand: null,
  arrow: Object.freeze({ enabled: true, placement: 'pinyin' as ArrowPlacement }),
}) as Readonly<SignStyle>;

/** A deep copy of the default style. */
export function defaultSignStyle(): SignStyle {
  return cloneStyle(DEFAULT_SIGN_STYLE);
}

function cloneStyle(s: Readonly<SignStyle>): SignStyle {
  return {
    ...s,
    fontCjk: [...s.fontCjk],
    fontLatin: [...s.fontLatin],
    brand: s.brand ? { ...s.brand } : null,
    arrow: { ...s.arrow },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// JSON style files

/** The keys of a style file and what each holds (used for validation messages and `did you mean`). */
export const STYLE_KEYS = [
  'name', 'description', 'extends', 'width_mm', 'height_mm', 'border_mm', 'frame_line_mm', 'corner_radius_mm',
  'background', 'text_color', 'frame_color', 'divider_mm', 'font_cjk', 'font_latin', 'font_weight',
  'chinese_max_height', 'chinese_max_width', 'chinese_condense', 'pinyin_max_width', 'pinyin_min_scale',
  'pinyin_max_lines', 'brand', 'arrow', 'umlaut', '$schema', 'comment',
] as const;
const BRAND_KEYS = ['text', 'position', 'height_ratio', 'color'] as const;
const ARROW_KEYS = ['enabled', 'placement', 'color'] as const;

/** The border limit of the verified sign sizes (六盘水民发〔2016〕64号: edge ≤ 25 mm). */
export const MAX_BORDER_MM = 25;

/** Names of the built-in presets: `default` plus every `data/styles/<name>.json`. */
export function signStylePresets(): string[] {
  let files: string[] = [];
  try {
    files = readdirSync(dataPath('styles')).filter((f) => f.endsWith('.json'));
  } catch {
    files = [];
  }
  return ['default', ...files.map((f) => f.slice(0, -5)).filter((n) => n !== 'default').sort()];
}

const presetCache = new Map<string, SignStyle>();

/** A built-in preset by name (a copy; the cache stays untouched). */
export function signStylePreset(name: string): SignStyle {
  if (name === 'default') return defaultSignStyle();
  let s = presetCache.get(name);
  if (!s) {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name) || !signStylePresets().includes(name)) {
      throw new DimingError('config', txt(`没有名为「${name}」的内置标志样式`, `there is no built-in sign style named "${name}"`), {
        hint: presetHint(),
      });
    }
    const file = dataPath(`styles/${name}.json`);
    const json = parseJson(readFileSync(file, 'utf8'), file);
    s = parseSignStyle(json, { file, preset: true });
    if (!(json as { name?: unknown }).name) s.name = name;
    presetCache.set(name, s);
  }
  return cloneStyle(s);
}

function presetHint(): Text {
  const names = signStylePresets().join(', ');
  return txt(`内置样式：${names}；或给出样式 JSON 文件的路径。`, `Built-in styles: ${names}; or give the path of a style JSON file.`);
}

/**
 * The style for `--style VALUE`: nothing → default; a built-in preset name; or a JSON file (which may `extend` a
 * preset). Throws a config `DimingError` with the file and key for anything wrong.
 */
export function loadSignStyle(ref?: string): SignStyle {
  if (ref === undefined || ref === '') return defaultSignStyle();
  if (!/[/\\.]/.test(ref) && signStylePresets().includes(ref)) return signStylePreset(ref);
  let text: string;
  try {
    text = readFileSync(ref, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new DimingError('config', txt(`无法读取标志样式文件（${code}）`, `cannot read the sign style file (${code})`), {
      where: { file: ref },
      hint: presetHint(),
      cause: e,
    });
  }
  return parseSignStyle(parseJson(text, ref), { file: ref });
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new DimingError('config', txt(`标志样式文件不是有效的 JSON（${msg}）`, `the sign style file is not valid JSON (${msg})`), {
      where: { file },
      hint: txt('请用 JSON 编辑器检查逗号、引号和括号。', 'Check commas, quotes and brackets with a JSON editor.'),
      cause: e,
    });
  }
}

interface ParseContext {
  file?: string;
  /** Presets may not extend (they start from the default). */
  preset?: boolean;
}

/**
 * Validate a parsed style object and merge it over its base (`extends`, default `default`). Unknown keys and bad
 * values are config errors naming the key.
 */
export function parseSignStyle(json: unknown, ctx: ParseContext = {}): SignStyle {
  const where = ctx.file ? { file: ctx.file } : undefined;
  const fail = (text: Text, hint?: Text): never => {
    throw new DimingError('config', text, { where, hint });
  };
  if (!isPlainObject(json)) {
    fail(txt('标志样式必须是一个 JSON 对象 { … }', 'a sign style must be a JSON object { … }'));
  }
  const o = json as Record<string, unknown>;
  checkKeys(o, STYLE_KEYS, '', fail);

  let base: SignStyle = defaultSignStyle();
  if (o.extends !== undefined) {
    if (typeof o.extends !== 'string' || ctx.preset) {
      fail(
        txt('「extends」应为内置样式的名称', '"extends" must name a built-in style'),
        presetHint(),
      );
    }
    base = signStylePreset(o.extends as string);
  }
  const s = base;
  const bad = (key: string, value: unknown, zh: string, en: string): never =>
    fail(
      txt(`样式键「${key}」的值 ${show(value)} 无效：应为${zh}`, `style key "${key}": ${show(value)} is not valid; expected ${en}`),
    );

  const num = (key: string, min: number, max: number, integer = false): number | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      bad(key, v, `${min} 到 ${max} 之间的${integer ? '整数' : '数'}`, `a${integer ? 'n integer' : ' number'} from ${min} to ${max}`);
    }
    return v as number;
  };
  const str = (key: string, maxLen: number): string | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v.length > maxLen || hasControl(v)) bad(key, v, `不超过 ${maxLen} 个字符的文字`, `a text of at most ${maxLen} characters`);
    return v as string;
  };
  const color = (key: string, v: unknown): string => {
    if (typeof v !== 'string' || !isColor(v)) {
      bad(key, v, '颜色，如 "#0050A0" 或 "white"', 'a colour such as "#0050A0" or "white"');
    }
    return (v as string).trim();
  };
  const fonts = (key: string): string[] | undefined => {
    const v = o[key];
    if (v === undefined) return undefined;
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.length === 0 || list.length > 16 || !list.every((f) => typeof f === 'string' && isFontName(f))) {
      bad(key, v, '字体名称的列表，如 ["Noto Sans CJK SC", "SimHei"]（名称不含引号、分号、尖括号）', 'a list of font family names such as ["Noto Sans CJK SC", "SimHei"] (no quotes, semicolons or angle brackets)');
    }
    return (list as string[]).map((f) => f.trim());
  };

  s.name = str('name', 64) ?? (ctx.preset ? s.name : o.extends !== undefined ? `${o.extends as string}+custom` : 'custom');
  s.description = str('description', 500) ?? s.description;
  s.widthMm = num('width_mm', 100, 10_000) ?? s.widthMm;
  s.heightMm = num('height_mm', 50, 10_000) ?? s.heightMm;
  s.borderMm = num('border_mm', 0, MAX_BORDER_MM) ?? s.borderMm;
  s.frameLineMm = num('frame_line_mm', 0, MAX_BORDER_MM) ?? s.frameLineMm;
  s.cornerRadiusMm = num('corner_radius_mm', 0, 500) ?? s.cornerRadiusMm;
  if (o.background !== undefined) s.background = color('background', o.background);
  if (o.text_color !== undefined) s.textColor = color('text_color', o.text_color);
  if (o.frame_color !== undefined) s.frameColor = color('frame_color', o.frame_color);
  s.dividerMm = num('divider_mm', 0, MAX_BORDER_MM) ?? s.dividerMm;
  s.fontCjk = fonts('font_cjk') ?? s.fontCjk;
  s.fontLatin = fonts('font_latin') ?? s.fontLatin;
  const fw = o.font_weight;
  if (fw !== undefined) {
    if (fw === 'bold') s.fontWeight = 700;
    else if (fw === 'normal') s.fontWeight = 400;
    else s.fontWeight = num('font_weight', 100, 900, true) as number;
  }
  s.chineseMaxHeight = num('chinese_max_height', 0.2, 0.8) ?? s.chineseMaxHeight;
  s.chineseMaxWidth = num('chinese_max_width', 0.3, 0.9) ?? s.chineseMaxWidth;
  s.chineseCondense = num('chinese_condense', 0.6, 1) ?? s.chineseCondense;
  s.pinyinMaxWidth = num('pinyin_max_width', 0.3, 0.9) ?? s.pinyinMaxWidth;
  s.pinyinMinScale = num('pinyin_min_scale', 0, 1) ?? s.pinyinMinScale;
  s.pinyinMaxLines = num('pinyin_max_lines', 1, 3, true) ?? s.pinyinMaxLines;

  if (o.umlaut !== undefined) {
    if (o.umlaut !== 'keep' && o.umlaut !== 'u' && o.umlaut !== 'v') bad('umlaut', o.umlaut, ' "keep"、"u" 或 "v"', '"keep", "u" or "v"');
    s.umlaut = o.umlaut as Umlaut;
  }

  if (o.brand !== undefined) {
    if (o.brand === null || o.brand === false || o.brand === '') s.brand = null;
    else if (typeof o.brand === 'string') s.brand = { text: checkBrandText(o.brand, bad), position: 'bottom', heightRatio: 0.12 };
    else if (isPlainObject(o.brand)) {
      const b = o.brand as Record<string, unknown>;
      checkKeys(b, BRAND_KEYS, 'brand.', fail);
      const brand: BrandLine = { text: '', position: 'bottom', heightRatio: 0.12, ...(s.brand ?? {}) };
      if (b.text !== undefined) brand.text = checkBrandText(b.text, bad);
      if (b.position !== undefined) {
        if (b.position !== 'top' && b.position !== 'bottom') bad('brand.position', b.position, ' "top" 或 "bottom"', '"top" or "bottom"');
        brand.position = b.position as BrandPosition;
      }
      if (b.height_ratio !== undefined) {
        const v = b.height_ratio;
        if (typeof v !== 'number' || !(v >= 0.05 && v <= 0.25)) bad('brand.height_ratio', v, ' 0.05 到 0.25 之间的数', 'a number from 0.05 to 0.25');
        brand.heightRatio = v as number;
      }
      if (b.color !== undefined) brand.color = color('brand.color', b.color);
      s.brand = brand.text ? brand : null;
    } else bad('brand', o.brand, '文字、对象 {"text": …} 或 null', 'a text, an object {"text": …} or null');
  }

  if (o.arrow !== undefined) {
    if (typeof o.arrow === 'boolean') s.arrow = { ...s.arrow, enabled: o.arrow };
    else if (isPlainObject(o.arrow)) {
      const a = o.arrow as Record<string, unknown>;
      checkKeys(a, ARROW_KEYS, 'arrow.', fail);
      const arrow: ArrowStyle = { ...s.arrow };
      if (a.enabled !== undefined) {
        if (typeof a.enabled !== 'boolean') bad('arrow.enabled', a.enabled, ' true 或 false', 'true or false');
        arrow.enabled = a.enabled as boolean;
      }
      if (a.placement !== undefined) {
        if (a.placement !== 'pinyin' && a.placement !== 'side') bad('arrow.placement', a.placement, ' "pinyin" 或 "side"', '"pinyin" or "side"');
        arrow.placement = a.placement as ArrowPlacement;
      }
      if (a.color !== undefined) arrow.color = color('arrow.color', a.color);
      s.arrow = arrow;
    } else bad('arrow', o.arrow, ' true、false 或对象 {"placement": …}', 'true, false or an object {"placement": …}');
  }

  // Cross-field checks: the edge zone must leave room for text.
  if (s.borderMm * 2 > Math.min(s.widthMm, s.heightMm) * 0.2) {
    fail(
      txt(
        `边框 ${s.borderMm} mm 对 ${s.widthMm} × ${s.heightMm} mm 的版面过宽（每边最多为短边的 10%）`,
        `a ${s.borderMm} mm border is too wide for a ${s.widthMm} × ${s.heightMm} mm panel (at most 10 % of the short side per edge)`,
      ),
    );
  }
  if (s.dividerMm > s.heightMm * 0.05) {
    fail(txt(`分隔线 divider_mm（${s.dividerMm}）过宽：最多为版面高度的 5%`, `divider_mm (${s.dividerMm}) is too wide: at most 5 % of the panel height`));
  }
  if (s.frameLineMm > s.borderMm) {
    fail(txt(`边框线宽 frame_line_mm（${s.frameLineMm}）不能大于边框 border_mm（${s.borderMm}）`, `frame_line_mm (${s.frameLineMm}) cannot exceed border_mm (${s.borderMm})`));
  }
  if (s.widthMm < s.heightMm) {
    fail(txt('街路巷牌应为横版：width_mm 不能小于 height_mm', 'street signs are landscape: width_mm cannot be less than height_mm'));
  }
  return s;
}

function checkBrandText(v: unknown, bad: (key: string, value: unknown, zh: string, en: string) => never): string {
  if (typeof v !== 'string' || v.length > 60 || hasControl(v)) bad('brand.text', v, '不超过 60 个字符的文字', 'a text of at most 60 characters');
  return (v as string).trim();
}

function checkKeys(o: Record<string, unknown>, allowed: readonly string[], prefix: string, fail: (t: Text, h?: Text) => never): void {
  for (const k of Object.keys(o)) {
    if (allowed.includes(k)) continue;
    const near = closest(k, allowed);
    fail(
      txt(`标志样式中有未知的键「${prefix}${k}」`, `unknown key "${prefix}${k}" in the sign style`),
      near
        ? txt(`是不是「${prefix}${near}」？`, `Did you mean "${prefix}${near}"?`)
        : txt(`可用的键：${allowed.filter((a) => !a.startsWith('$')).join(', ')}`, `Known keys: ${allowed.filter((a) => !a.startsWith('$')).join(', ')}`),
    );
  }
}

function closest(k: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const low = k.toLowerCase().replace(/-/g, '_');
  for (const a of allowed) {
    if (a === low) return a;
    const d = levenshtein(low, a);
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return bestD <= Math.max(2, Math.floor(k.length / 3)) ? best : undefined;
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function hasControl(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);
}

/** Hex colours (#rgb, #rgba, #rrggbb, #rrggbbaa) and CSS colour keywords (letters only). */
export function isColor(v: string): boolean {
  const s = v.trim();
  return /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(s) || /^[a-z]{3,24}$/i.test(s);
}

/** A font family name that can be quoted safely in CSS and XML. */
export function isFontName(v: string): boolean {
  return /^[\p{L}\p{N} ._+-]{1,64}$/u.test(v.trim()) && v.trim() !== '';
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '…' : s;
}

const GENERIC_FAMILIES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

/** A CSS font-family list: families quoted, generic families bare, `sans-serif` last, duplicates and unsafe names dropped. */
export function fontFamilyList(families: readonly string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of [...families, 'sans-serif']) {
    const k = f.trim().toLowerCase();
    if (!k || seen.has(k) || !isFontName(f)) continue;
    seen.add(k);
    out.push(GENERIC_FAMILIES.has(k) ? k : `'${f.trim()}'`);
  }
  return out.join(', ');
}

/** A compact description of a style's size for schedules: "1000×600 mm". */
export function styleSize(style: Pick<SignStyle, 'widthMm' | 'heightMm'>): string {
  return `${style.widthMm}×${style.heightMm} mm`;
}
