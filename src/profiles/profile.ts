import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { dataPath } from '../data/files.js';
import { LIST_IDS, type ListChange, type ListId } from '../lists/lists.js';
import type { ReportedSeverity, Rule, Severity } from '../rules/types.js';

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
    throw configError(txt(`无法读取配置文件`, `cannot read the profile file`), e, undefined, { file: path });
  }
  try {
    return { file: JSON.parse(text.replace(/^\uFEFF/, '')) as ProfileFile, dir: dirname(path), label: looksLikePath ? path : ref };
  } catch (e) {
    throw configError(
      txt(`配置文件不是有效的 JSON：${(e as Error).message}`, `the profile is not valid JSON: ${(e as Error).message}`),
      e,
      txt('配置文件不能有注释；说明请写在 description 字段里。', 'Profiles cannot contain comments; use the description field.'),
      { file: path },
    );
  }
}

function resolveFile(file: ProfileFile, dir: string, label: string, rules: ReadonlyMap<string, Rule>, stack: string[], cwd: string): Profile {
  if (stack.includes(label)) {
    throw configError(txt(`配置的 extends 形成循环：${[...stack, label].join(' → ')}`, `profiles extend each other in a cycle: ${[...stack, label].join(' → ')}`));
  }
  validateShape(file, label, rules);
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
  for (const [id, setting] of Object.entries(file.rules ?? {})) acc.rules.set(id, applySetting(acc.rules.get(id), setting, rules.get(id)));
  for (const o of file.overrides ?? []) acc.overrides.push({ match: o.match, rules: new Map(Object.entries(o.rules)) });
  acc.baseDir = dir;
  return acc;
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
          if (v !== null && def !== null && def !== undefined && !free && typeof def !== typeof v) {
            throw bad(`规则「${id}」的选项「${k}」类型不对（应为 ${typeName(def)}）`, `rule "${id}": option "${k}" has the wrong type (expected ${typeName(def)})`);
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
    }
  }
}

/** Rules whose options are a table keyed by generic (generic-scale): any key is allowed. */
const ALLOWS_ANY_KEY = new Set(['generic-scale']);

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : typeof v;
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

/** Severity after the soft case (rules.md §0.1). */
export function effectiveSeverity(sev: ReportedSeverity, soft: boolean): ReportedSeverity {
  return soft ? (sev === 'error' ? 'warning' : 'info') : sev;
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
