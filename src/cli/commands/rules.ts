import { getLang, tr } from '../../core/text.js';
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
