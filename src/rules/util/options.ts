/** Option lists as sets, made once per list (a rule runs on a million records with the same options object). */
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
const EMPTY: ReadonlySet<string> = new Set();

/** The entries of an option list as a set (an absent option: empty). Callers must not change the list afterwards. */
export function optionSet(list: readonly string[] | undefined): ReadonlySet<string> {
  if (!list?.length) return EMPTY;
  let s = sets.get(list);
  if (!s) sets.set(list, (s = new Set(list)));
  return s;
}
