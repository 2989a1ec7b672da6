import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { dataPath } from '../data/files.js';
import { jsonProblem } from '../io/json.js';
import { SCOPE_LEN } from '../check/admin.js';
import { loadDialectTable } from '../check/dialect.js';
import { LIST_IDS, type ListChange, type ListId } from '../lists/lists.js';
import { ENTITY_TYPES } from '../name/types.js';
import type { OrdinalMode } from '../pinyin/orthography.js';
import { NUMBERING_DIRECTIONS } from '../rules/series-order.js';
import type { Rule, Severity } from '../rules/types.js';

/** A profile file (profiles.md §1), ESLint-style. */
export interface ProfileFile {
  name?: string;
  description?: string;
  extends?: string | string[];
  basis?: { title: string; url?: string; note?: string }[];
  appliesTo?: string[];
  settings?: Record<string, unknown>;
  lists?: Partial<Record<ListId, ListChange>>;
  rules?: Record<string, RuleSetting>;
  overrides?: { match: { types?: string[]; adminCodes?: string[]; tiers?: string[] }; rules: Record<string, RuleSetting> }[];
}

export type RuleSetting = Severity | 'warn' | [Severity | 'warn', Record<string, unknown>?];

export interface RuleConfig {
  severity: Severity;
  options: Record<string, unknown>;
}

/** A profile with `extends` resolved and merged (profiles.md §1.2). */
export interface Profile {
  name: string;
  description: string;
  basis: { title: string; url?: string; note?: string }[];
  appliesTo: string[];
  settings: Record<string, unknown>;
  /** List changes in order (inherited first). */
  lists: Partial<Record<ListId, ListChange>>[];
  rules: Map<string, RuleConfig>;
  overrides: { match: { types?: string[]; adminCodes?: string[]; tiers?: string[] }; rules: Map<string, RuleSetting> }[];
  /** Folder of the profile file, for relative list files. */
  baseDir: string;
}

const SEVERITIES = new Set(['error', 'warning', 'warn', 'info', 'off']);
const SETTINGS_DEFAULTS: Record<string, unknown> = {
  uniquenessScope: 'township', defaultEntityType: 'road', ordinals: 'digits', numberingDirection: null,
  dialectTable: null, signUmlaut: 'keep', cityName: null, countyName: null,
};

/** Names of the built-in profiles (data/profiles/*.json). */
export function builtInProfiles(): string[] {
  return readdirSync(dataPath('profiles')).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
}

/**
 * Load a profile by built-in name or file path, or several applied like an `extends` list (`--profile` given more
 * than once). `rules` is the registry, used to reject unknown rule ids and option keys before anything is checked.
 */
export function loadProfile(refs: string | string[], rules: ReadonlyMap<string, Rule>, cwd = process.cwd()): Profile {
  const list = Array.isArray(refs) ? refs : [refs];
  const file: ProfileFile = list.length === 1 ? readRef(list[0], cwd).file : { name: list.join('+'), extends: list };
  const base = list.length === 1 ? readRef(list[0], cwd) : { file, dir: cwd, label: list.join('+') };
  const merged = resolveFile(base.file, base.dir, base.label, rules, [], cwd);
  return merged;
}

interface Loaded {
  file: ProfileFile;
  dir: string;
  label: string;
}

function readRef(ref: string, fromDir: string): Loaded {
  const looksLikePath = /[/\\]|\.json$/i.test(ref);
  const builtIn = dataPath(`profiles/${ref}.json`);
  const path = looksLikePath ? resolve(fromDir, ref) : builtIn;
  if (!looksLikePath && !existsSync(builtIn)) {
    throw configError(
      txt(`没有名为「${ref}」的内置配置`, `no built-in profile "${ref}"`),
      undefined,
      txt(`内置配置：${builtInProfiles().join('、')}；也可以给出 JSON 文件的路径。`, `Built-in profiles: ${builtInProfiles().join(', ')}; or give the path of a JSON file.`),
    );
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw configError(txt('找不到配置文件', 'profile file not found'), e, txt('请检查 --profile 或 extends 中的文件名和路径（相对路径从引用它的配置文件所在文件夹算起）。', 'Check the file name and path in --profile or extends (relative to the folder of the profile that names it).'), { file: path });
    }
    throw configError(txt(`无法读取配置文件（${code ?? String(e)}）`, `cannot read the profile file (${code ?? String(e)})`), e, undefined, { file: path });
  }
  const source = text.replace(/^\uFEFF/, '');
  try {
    return { file: JSON.parse(source) as ProfileFile, dir: dirname(path), label: looksLikePath ? path : ref };
  } catch (e) {
    const p = jsonProblem(e, source);
    throw configError(
      txt(`配置文件不是有效的 JSON：${p.text.zh}`, `the profile is not valid JSON: ${p.text.en}`),
      e,
      txt('配置文件必须是标准 JSON：不能有注释，最后一项后面不能有逗号；说明请写在 description 字段里。', 'Profiles must be plain JSON: no comments, no comma after the last item; put explanations in the description field.'),
      { file: path, line: p.line },
    );
  }
}

function resolveFile(file: ProfileFile, dir: string, label: string, rules: ReadonlyMap<string, Rule>, stack: string[], cwd: string): Profile {
  if (stack.includes(label)) {
    throw configError(txt(`配置的 extends 形成循环：${[...stack, label].join(' → ')}`, `profiles extend each other in a cycle: ${[...stack, label].join(' → ')}`));
  }
  validateShape(file, label, rules);
  file = withResolvedPaths(file, dir);
  const parents = file.extends === undefined ? [] : Array.isArray(file.extends) ? file.extends : [file.extends];
  let acc: Profile = {
    name: file.name ?? label,
    description: '',
    basis: [],
    appliesTo: [],
    settings: { ...SETTINGS_DEFAULTS },
    lists: [],
    rules: new Map(),
    overrides: [],
    baseDir: dir,
  };
  for (const ref of parents) {
    const loaded = readRef(ref, dir === cwd ? cwd : dir);
    const parent = resolveFile(loaded.file, loaded.dir, loaded.label, rules, [...stack, label], cwd);
    acc = mergeInto(acc, parent);
  }
  // The profile's own settings on top.
  acc.name = file.name ?? label;
  acc.description = file.description ?? acc.description;
  if (file.basis) acc.basis = [...acc.basis, ...file.basis];
  if (file.appliesTo) acc.appliesTo = file.appliesTo;
  acc.settings = shallowMerge(acc.settings, file.settings ?? {});
  if (file.lists) acc.lists = [...acc.lists, file.lists];
  const inherited = new Set(acc.rules.keys());
  for (const [id, setting] of Object.entries(file.rules ?? {})) acc.rules.set(id, applySetting(acc.rules.get(id), setting, rules.get(id)));
  settingsIntoOptions(file, acc, inherited);
  // A dialect table that cannot be read stops the run before anything is checked (profiles.md §1.2 rule 7).
  for (const cfg of acc.rules.values()) if (typeof cfg.options.dialectTable === 'string') loadDialectTable(cfg.options.dialectTable);
  for (const o of file.overrides ?? []) acc.overrides.push({ match: o.match, rules: new Map(Object.entries(o.rules)) });
  acc.baseDir = dir;
  return acc;
}

/**
 * Shared settings that are the default of rule options (profiles.md §1.3): a profile that sets the setting sets the
 * option of every rule it has, unless the same file gives that rule the option itself; a rule this file turns on
 * without the option takes the inherited setting. Later files override as usual, so a county profile's
 * `uniquenessScope: "county"` widens duplicate/homophone/near-duplicate that `national` set to township.
 */
const SETTING_OPTIONS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  uniquenessScope: [['duplicate', 'scope'], ['homophone', 'scope'], ['near-duplicate', 'scope']],
  numberingDirection: [['series-order', 'direction']],
  ordinals: [['pinyin-numeral', 'ordinals']],
  dialectTable: [['homophone', 'dialectTable'], ['unhealthy-meaning', 'dialectTable']],
  // The own city's and county's names where the division list cannot give them (a code it lacks, a new county).
  cityName: [['near-duplicate', 'cityName'], ['out-of-area', 'cityName']],
  countyName: [['near-duplicate', 'countyName'], ['out-of-area', 'countyName']],
};

/** Option and setting values that name a file: relative to the profile file that gives them. */
const PATH_KEYS = new Set(['dialectTable']);

function withResolvedPaths(file: ProfileFile, dir: string): ProfileFile {
  const fix = (o: Record<string, unknown>) => {
    let out = o;
    for (const k of PATH_KEYS) if (typeof o[k] === 'string' && o[k]) out = { ...out, [k]: resolve(dir, o[k] as string) };
    return out;
  };
  const rules = file.rules && Object.fromEntries(Object.entries(file.rules).map(([id, r]) => [id, Array.isArray(r) && r[1] ? [r[0], fix(r[1])] as RuleSetting : r]));
  return { ...file, ...(file.settings ? { settings: fix(file.settings) } : {}), ...(rules ? { rules } : {}) };
}

function settingsIntoOptions(file: ProfileFile, acc: Profile, inherited: ReadonlySet<string>): void {
  for (const [key, targets] of Object.entries(SETTING_OPTIONS)) {
    const own = Boolean(file.settings && key in file.settings);
    for (const [id, option] of targets) {
      const cfg = acc.rules.get(id);
      const setting = file.rules?.[id];
      if (!cfg || (Array.isArray(setting) && setting[1] && option in setting[1])) continue;
      if (!own && (setting === undefined || inherited.has(id))) continue;
      // A new object: the configuration may be shared with the parent profile.
      acc.rules.set(id, { severity: cfg.severity, options: { ...cfg.options, [option]: acc.settings[key] } });
    }
  }
}

function mergeInto(acc: Profile, parent: Profile): Profile {
  const rules = new Map(acc.rules);
  for (const [id, cfg] of parent.rules) {
    const prev = rules.get(id);
    rules.set(id, prev ? { severity: cfg.severity, options: shallowMerge(prev.options, cfg.options) } : cfg);
  }
  return {
    ...acc,
    description: parent.description || acc.description,
    basis: [...acc.basis, ...parent.basis],
    appliesTo: parent.appliesTo.length ? parent.appliesTo : acc.appliesTo,
    settings: shallowMerge(acc.settings, parent.settings),
    lists: [...acc.lists, ...parent.lists],
    rules,
    overrides: [...acc.overrides, ...parent.overrides],
  };
}

/** A bare severity keeps the inherited options; [severity, options] merges options shallowly (null drops a key). */
export function applySetting(prev: RuleConfig | undefined, setting: RuleSetting, rule: Rule | undefined): RuleConfig {
  const base: RuleConfig = prev ?? { severity: rule?.meta.severity ?? 'off', options: { ...(rule?.meta.options ?? {}) } };
  if (typeof setting === 'string') return { severity: normSeverity(setting), options: base.options };
  const [sev, opts] = setting;
  return { severity: normSeverity(sev), options: shallowMerge(base.options, opts ?? {}) };
}

function shallowMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null && k in out && !(k in SETTINGS_DEFAULTS)) delete out[k];
    else out[k] = v;
  }
  return out;
}

function normSeverity(s: string): Severity {
  return (s === 'warn' ? 'warning' : s) as Severity;
}

/** Configuration errors stop the CLI before anything is checked (profiles.md §1.2 rule 7). */
function validateShape(file: ProfileFile, label: string, rules: ReadonlyMap<string, Rule>): void {
  const where = { file: label };
  const bad = (zh: string, en: string) => configError(txt(zh, en), undefined, undefined, where);
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw bad('配置文件的顶层必须是一个对象', 'the profile must be a JSON object');
  const known = new Set(['name', 'description', 'extends', 'basis', 'appliesTo', 'settings', 'lists', 'rules', 'overrides', '$schema']);
  for (const k of Object.keys(file)) if (!known.has(k)) throw bad(`配置中有未知的键「${k}」`, `unknown key "${k}" in the profile`);
  // The shape of each member, before anything reads it.
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (file.name !== undefined && typeof file.name !== 'string') throw bad('name 必须是字符串', '"name" must be a string');
  if (file.description !== undefined && typeof file.description !== 'string') throw bad('description 必须是字符串', '"description" must be a string');
  if (file.extends !== undefined && typeof file.extends !== 'string' && !isStrings(file.extends)) {
    throw bad('extends 必须是配置名或文件路径（字符串），或它们的数组', '"extends" must be a profile name or path (a string), or an array of them');
  }
  if (file.appliesTo !== undefined && !isStrings(file.appliesTo)) throw bad('appliesTo 必须是区划代码（字符串）的数组', '"appliesTo" must be an array of division codes (strings)');
  if (file.basis !== undefined && !(Array.isArray(file.basis) && file.basis.every((b) => isObject(b) && typeof b.title === 'string'))) {
    throw bad('basis 必须是数组，每项是带 title 的对象', '"basis" must be an array of objects with a title');
  }
  for (const k of ['settings', 'lists', 'rules'] as const) {
    if (file[k] !== undefined && !isObject(file[k])) throw bad(`${k} 必须是对象（{ … }），不能是数组或其他值`, `"${k}" must be an object ({ … })`);
  }
  if (file.overrides !== undefined) {
    if (!Array.isArray(file.overrides)) throw bad('overrides 必须是数组（[ … ]）', '"overrides" must be an array ([ … ])');
    file.overrides.forEach((o, i) => {
      if (!isObject(o) || !isObject(o.match) || !isObject(o.rules)) {
        throw bad(`overrides 第 ${i + 1} 项必须是含 match 和 rules 两个对象的对象`, `overrides item ${i + 1} must be an object with "match" and "rules" objects`);
      }
      for (const [k, v] of Object.entries(o.match)) {
        if (!['types', 'adminCodes', 'tiers'].includes(k)) throw bad(`overrides 第 ${i + 1} 项的 match 中有未知的键「${k}」（可用：types、adminCodes、tiers）`, `overrides item ${i + 1}: unknown match key "${k}" (types, adminCodes, tiers)`);
        if (!isStrings(v)) throw bad(`overrides 第 ${i + 1} 项的 match.${k} 必须是字符串数组`, `overrides item ${i + 1}: match.${k} must be an array of strings`);
      }
    });
  }
  for (const [id, change] of Object.entries(file.lists ?? {})) {
    if (!(LIST_IDS as readonly string[]).includes(id)) continue; // reported below
    if (!isObject(change)) throw bad(`名录「${id}」的修改必须是对象，如 { "add": […], "remove": […] }`, `list "${id}": the change must be an object such as { "add": […], "remove": […] }`);
    for (const [k, v] of Object.entries(change as object)) {
      if (!['add', 'remove', 'files'].includes(k)) throw bad(`名录「${id}」中有未知的键「${k}」（可用：add、remove、files）`, `list "${id}": unknown key "${k}" (add, remove, files)`);
      if (!isStrings(v)) throw bad(`名录「${id}」的 ${k} 必须是字符串数组`, `list "${id}": "${k}" must be an array of strings`);
    }
  }
  const checkRules = (obj: Record<string, RuleSetting> | undefined, ctx: string) => {
    for (const [id, setting] of Object.entries(obj ?? {})) {
      const rule = rules.get(id);
      if (!rule) {
        throw configError(
          txt(`${ctx}中有未知的规则「${id}」`, `unknown rule "${id}" in ${ctx === '规则' ? 'rules' : 'overrides'}`),
          undefined,
          txt('用 diming rules 查看全部规则及其 id。', 'See all rule ids with: diming rules.'),
          where,
        );
      }
      const sev = typeof setting === 'string' ? setting : Array.isArray(setting) ? setting[0] : undefined;
      if (typeof sev !== 'string' || !SEVERITIES.has(sev)) {
        throw bad(`规则「${id}」的严重程度「${String(sev)}」无效（可用 error、warning、info、off）`, `rule "${id}": invalid severity "${String(sev)}" (error, warning, info, off)`);
      }
      if (Array.isArray(setting) && setting[1] !== undefined) {
        const opts = setting[1];
        if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) throw bad(`规则「${id}」的选项必须是对象`, `rule "${id}": options must be an object`);
        const allowed = rule.meta.options ?? {};
        const free = Object.keys(allowed).length === 0 ? false : ALLOWS_ANY_KEY.has(id);
        for (const [k, v] of Object.entries(opts)) {
          if (!(k in allowed) && !free) {
            throw bad(`规则「${id}」没有选项「${k}」（可用：${Object.keys(allowed).join('、') || '无'}）`, `rule "${id}" has no option "${k}" (options: ${Object.keys(allowed).join(', ') || 'none'})`);
          }
          const def = allowed[k];
          const kinds = OPTION_TYPES[id]?.[k] ?? (def === null || def === undefined ? undefined : [typeName(def)]);
          if (v !== null && kinds && !free && !kinds.includes(typeName(v))) {
            throw bad(`规则「${id}」的选项「${k}」类型不对（应为 ${kinds.join(' 或 ')}）`, `rule "${id}": option "${k}" has the wrong type (expected ${kinds.join(' or ')})`);
          }
        }
      }
    }
  };
  checkRules(file.rules, '规则');
  for (const o of file.overrides ?? []) checkRules(o.rules, 'overrides');
  for (const id of Object.keys(file.lists ?? {})) {
    if (!(LIST_IDS as readonly string[]).includes(id)) {
      throw bad(`未知的名录「${id}」（可用：${LIST_IDS.join('、')}）`, `unknown list "${id}" (lists: ${LIST_IDS.join(', ')})`);
    }
  }
  if (file.settings) {
    for (const k of Object.keys(file.settings)) {
      if (!(k in SETTINGS_DEFAULTS)) throw bad(`未知的设置「${k}」（可用：${Object.keys(SETTINGS_DEFAULTS).join('、')}）`, `unknown setting "${k}"`);
      const v = file.settings[k];
      const choices = SETTING_CHOICES[k];
      const ok = choices === 'text' ? v === null || (typeof v === 'string' && v.trim() !== '') : choices.includes(v as string | null);
      if (!ok) {
        const allowed = choices === 'text' ? ['文字', 'null'] : choices.map((c) => JSON.stringify(c));
        throw bad(`设置「${k}」的值 ${JSON.stringify(v)} 无效（可用：${allowed.join('、')}）`, `setting "${k}" cannot be ${JSON.stringify(v)} (allowed: ${choices === 'text' ? 'text or null' : allowed.join(', ')})`);
      }
    }
  }
}

/** The values each shared setting accepts ('text': a non-empty string or null). */
const SETTING_CHOICES: Readonly<Record<string, readonly (string | null)[] | 'text'>> = {
  uniquenessScope: [...Object.keys(SCOPE_LEN), 'builtUpArea'],
  defaultEntityType: ENTITY_TYPES,
  ordinals: ['digits', 'spelled'],
  numberingDirection: [null, ...NUMBERING_DIRECTIONS],
  signUmlaut: ['keep', 'u', 'v'],
  dialectTable: 'text',
  cityName: 'text',
  countyName: 'text',
};

/** Rules whose options are a table keyed by generic (generic-scale): any key is allowed. */
const ALLOWS_ANY_KEY = new Set(['generic-scale']);

/**
 * Options that take more than the type of their default: near-duplicate's stripNames is "own-divisions" (other text:
 * none) or a list of names (rules.md; the built-in 铜陵 and 成都 profiles give lists).
 */
const OPTION_TYPES: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'near-duplicate': { stripNames: ['string', 'array'] },
};

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
}

/** How a profile writes ordinals in pinyin: its `ordinals` setting (1984 rule 7 digits unless it says spelled). */
export function ordinalsOf(p: Profile): OrdinalMode {
  return p.settings.ordinals === 'spelled' ? 'spelled' : 'digits';
}

/** The rule configuration for one record: the profile's rules plus every matching override, in order. */
export function configFor(profile: Profile, rec: { type: string; kind: string; adminCode?: string; tier?: string }): Map<string, RuleConfig> {
  if (!profile.overrides.length) return profile.rules;
  let out: Map<string, RuleConfig> | undefined;
  for (const o of profile.overrides) {
    const m = o.match;
    if (m.types && !m.types.includes(rec.type) && !m.types.includes(rec.kind)) continue;
    if (m.adminCodes && !(rec.adminCode && m.adminCodes.some((c) => rec.adminCode!.startsWith(c)))) continue;
    if (m.tiers && !(rec.tier && m.tiers.includes(rec.tier))) continue;
    out ??= new Map(profile.rules);
    for (const [id, setting] of o.rules) out.set(id, applySetting(out.get(id), setting, undefined));
  }
  return out ?? profile.rules;
}

/** `--rule id=severity` (ESLint's --rule): one run's override. */
export function parseRuleFlag(flag: string, rules: ReadonlyMap<string, Rule>): [string, Severity] {
  const m = /^([a-z0-9-]+)\s*[=:]\s*(error|warning|warn|info|off)$/.exec(flag.trim());
  if (!m) {
    throw configError(txt(`--rule 的写法应为 规则id=严重程度，如 homophone=error；收到「${flag}」`, `--rule takes rule-id=severity, e.g. homophone=error; got "${flag}"`));
  }
  if (!rules.has(m[1])) throw configError(txt(`未知的规则「${m[1]}」`, `unknown rule "${m[1]}"`), undefined, txt('用 diming rules 查看全部规则。', 'See diming rules.'));
  return [m[1], normSeverity(m[2])];
}
