import { divisionPath } from '../divisions/divisions.js';
import type { Rule } from '../rules/types.js';
import { type Profile, builtInProfiles, loadProfile } from './profile.js';

/** The profile name that picks a built-in profile per row by its area (`--profile auto`). */
export const AUTO = 'auto';

/**
 * The profiles `--profile auto` chooses among: the fallback first (the other profiles named, or national), then
 * every other built-in profile. A row takes the profile with the longest appliesTo prefix of its code.
 */
export function autoProfiles(named: readonly string[], rules: ReadonlyMap<string, Rule>): Profile[] {
  const fallback = loadProfile(named.length ? [...named] : ['national'], rules);
  return [fallback, ...builtInProfiles().filter((n) => n !== fallback.name).map((n) => loadProfile(n, rules))];
}

export interface AutoArea {
  code: string;
  /** The division's full name (山东省东营市), empty for a code the bundled list lacks. */
  place: string;
}

/** Where each profile applies under `--profile auto` (the fallback, first, applies everywhere else). */
export function autoCoverage(profiles: readonly Profile[]): { name: string; description: string; areas: AutoArea[] }[] {
  return profiles.slice(1).filter((p) => p.appliesTo.length).map((p) => ({
    name: p.name,
    description: p.description,
    areas: p.appliesTo.map((code) => ({ code, place: divisionPath(code) })),
  }));
}
