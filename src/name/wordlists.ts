import { readDataTable } from '../data/files.js';

/** Small word lists the parser needs, loaded once on first use. */
let commemorative: Set<string> | undefined;
let surnames: Map<string, number> | undefined;

export function commemorativeNumbers(): Set<string> {
  return (commemorative ??= new Set(readDataTable('lists/commemorative-numbers.txt').map((r) => r[0])));
}

/** Surname → frequency rank (compound surnames have rank 0). */
export function surnameRanks(): Map<string, number> {
  return (surnames ??= new Map(readDataTable('lists/surnames.txt').map((r) => [r[0], r[1] ? Number(r[1]) : 0])));
}

