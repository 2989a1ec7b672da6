import { txt } from '../core/text.js';
import { normalizeName } from '../name/normalize.js';
import { parseName } from '../name/parse.js';
import type { Rule } from './types.js';
import { filled } from './util/fields.js';

interface Options {
  /** Names on the provincial or county protection list (保护名录). */
  protectedNames: string[];
}

/** rules.md §8 `protected-name`: renaming a protected or historic name. */
export const protectedName: Rule<Options> = {
  meta: {
    id: 'protected-name',
    alias: 'R-PROTECTED-RENAME',
    group: 'process',
    severity: 'error',
    description: txt('列入保护名录的地名一般不更名；确需更名的须事先制定保护措施', 'names on the protection list are generally not renamed; a rename needs protection measures first'),
    basis: txt('《地名管理条例》第十条第二款、第二十五条；实施办法（2024）地名保护名录', 'Regulations art. 10 para. 2 and art. 25; 2024 implementing measures (protection list)'),
    fix: txt('保留原名；确需更名的，在「保护措施」列写明事先制定的保护措施', 'keep the old name; if the rename is unavoidable, describe the protection measures in the protection_measures column'),
    options: { protectedNames: [] },
  },
  check(ctx) {
    const { rec, lists } = ctx;
    const oldRaw = filled(rec, 'old_name');
    if (!oldRaw) return;
    const old = normalizeName(oldRaw);
    if (old === rec.full) return; // not a rename
    if (filled(rec, 'protection_measures')) return;
    const list = (ctx.options.protectedNames ?? []).map((n) => normalizeName(n));
    if (list.includes(old)) {
      ctx.report(txt(`原名「${oldRaw}」列入地名保护名录，更名前须制定保护措施，本记录未写明`, `the old name "${oldRaw}" is on the protection list; the rename needs protection measures, and none are given`));
      return;
    }
    // Soft case: the old name is a listed historic or commemorative name and no reason is given for the rename.
    if ((lists.historicAllow.has(old) || lists.historicAllow.has(parseName(old).specific)) && !filled(rec, 'naming_reason')) {
      ctx.report(txt(`原名「${oldRaw}」是历史或纪念性地名，更名未说明理由`, `the old name "${oldRaw}" is a historic or commemorative name, and no reason for the rename is given`), { soft: true });
    }
  },
};
