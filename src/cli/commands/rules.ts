import { getLang, tr } from '../../core/text.js';
import { AUTO, autoCoverage, autoProfiles } from '../../profiles/auto.js';
import { loadProfile } from '../../profiles/profile.js';
import { RULES } from '../../rules/registry.js';
import { toCsv } from '../../io/writers/csv.js';
import { EXIT } from '../main.js';
import { emit, textTable } from '../output.js';

export interface RulesCliOptions {
  profile: string[];
  format: 'text' | 'json' | 'csv';
  output?: string;
}

/** `diming rules`: every rule with its severity in the chosen profile and its basis. */
export async function runRulesCommand(o: RulesCliOptions): Promise<number> {
  if (o.profile.includes(AUTO)) return autoTable(o);
  const profile = loadProfile(o.profile.length ? o.profile : ['national'], RULES);
  const en = getLang() === 'en';
  const rows = [...RULES.values()].map((r) => {
    const cfg = profile.rules.get(r.meta.id);
    return {
      id: r.meta.id,
      alias: r.meta.alias ?? '',
      group: r.meta.group,
      severity: cfg?.severity ?? r.meta.severity,
      description: tr(r.meta.description),
      basis: tr(r.meta.basis),
      options: cfg?.options ?? r.meta.options ?? {},
    };
  });
  let out: string;
  if (o.format === 'json') out = JSON.stringify({ profile: profile.name, rules: rows }, null, 2) + '\n';
  else if (o.format === 'csv') {
    out = toCsv(['id', 'alias', 'group', 'severity', 'description', 'basis', 'options'], rows.map((r) => [r.id, r.alias, r.group, r.severity, r.description, r.basis, JSON.stringify(r.options)]));
  } else {
    const sev: Record<string, string> = en ? {} : { error: '错误', warning: '警告', info: '提示', off: '关闭' };
    out = (en ? `Profile: ${profile.name}\n\n` : `配置：${profile.name}\n\n`) + textTable(
      en ? ['rule', 'level', 'what it checks', 'basis'] : ['规则', '级别', '检查内容', '依据'],
      rows.map((r) => [r.id, sev[r.severity] ?? r.severity, r.description, r.basis]),
    );
  }
  await emit(out, o.output);
  return EXIT.ok;
}

/**
 * `diming rules --profile auto`: auto is a choice per row, not one profile, so this lists which built-in profile
 * applies to which area and what every other area gets (the other profiles named, or national).
 */
async function autoTable(o: RulesCliOptions): Promise<number> {
  const profiles = autoProfiles(o.profile.filter((p) => p !== AUTO), RULES);
  const fallback = profiles[0].name;
  const rows = autoCoverage(profiles);
  const en = getLang() === 'en';
  let out: string;
  if (o.format === 'json') out = JSON.stringify({ profile: AUTO, fallback, profiles: rows }, null, 2) + '\n';
  else if (o.format === 'csv') {
    out = toCsv(['profile', 'code', 'area', 'description'], [
      ...rows.flatMap((r) => r.areas.map((a) => [r.name, a.code, a.place, r.description])),
      [fallback, '', en ? 'everywhere else' : '其余地区', profiles[0].description],
    ]);
  } else {
    const where = (r: (typeof rows)[number]) => r.areas.map((a) => (a.place ? `${a.code} ${a.place}` : a.code)).join(en ? '; ' : '；');
    out = (en
      ? `Profile: auto (each row gets the built-in profile of its area; the longest matching code wins)\nEverywhere else: ${fallback}\n\n`
      : `配置：auto（每行按所属政区选用内置配置，代码匹配最长者优先）\n其余地区：${fallback}\n\n`) +
      textTable(en ? ['profile', 'applies to', 'description'] : ['配置', '适用地区', '说明'], rows.map((r) => [r.name, where(r), r.description])) +
      (en ? '\nThe rules and severities of one profile: diming rules --profile NAME\n' : '\n查看某个配置的规则和级别：diming rules --profile 配置名\n');
  }
  await emit(out, o.output);
  return EXIT.ok;
}
