import type { Command } from 'commander';

/** Helpers every command definition uses (shared conventions: Chinese help, common options, exit handling). */
export interface Builder {
  configure(cmd: Command): Command;
  common(cmd: Command): Command;
  collect(value: string, previous: string[]): string[];
}
