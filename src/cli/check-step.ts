import { txt, tr } from '../core/text.js';
import type { Dataset } from '../core/record.js';
import { type RunCheckOptions, type RunCheckResult, runCheck } from '../check/run.js';
import type { EntityType } from '../name/types.js';
import { parseRuleFlag } from '../profiles/profile.js';
import { RULES } from '../rules/registry.js';
import type { Severity } from '../rules/types.js';
import { Progress } from './progress.js';

/** The repeatable --rule id=severity flags as one map (a wrong flag is a usage error before anything is read). */
export function ruleFlags(flags: readonly string[]): Map<string, Severity> {
  const rules = new Map<string, Severity>();
  for (const flag of flags) {
    const [id, sev] = parseRuleFlag(flag, RULES);
    rules.set(id, sev);
  }
  return rules;
}

/** The check options every checking command shares. */
export interface CheckFlags {
  profile: string[];
  gazetteer: string[];
  type?: EntityType;
  crs?: string;
  quiet?: boolean;
}

/** runCheck with the shared command-line options and a progress display on stderr. */
export async function checkWithProgress(ds: Dataset, o: CheckFlags, rules: Map<string, Severity>, more: Partial<RunCheckOptions> = {}): Promise<RunCheckResult> {
  const progress = new Progress(tr(txt('检查中', 'checking')), ds.records.length * 2, o.quiet);
  try {
    return await runCheck(ds, {
      profiles: o.profile.length ? o.profile : ['national'],
      gazetteers: o.gazetteer,
      rules,
      type: o.type,
      crs: o.crs,
      onProgress: (d) => progress.tick(d),
      ...more,
    });
  } finally {
    progress.done();
  }
}
