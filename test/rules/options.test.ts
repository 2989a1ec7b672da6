import { describe, expect, it } from 'vitest';
import { optionSet } from '../../src/rules/util/options.js';

describe('optionSet', () => {
  it('makes one set per option list and answers membership', () => {
    const list = ['垟', '㘵'];
    const s = optionSet(list);
    expect(optionSet(list)).toBe(s); // the same object for every record
    expect(s.has('垟') && s.has('㘵') && !s.has('路')).toBe(true);
    expect(optionSet(['垟'])).not.toBe(s);
  });

  it('treats an absent or empty option as an empty set', () => {
    expect(optionSet(undefined).size).toBe(0);
    expect(optionSet([]).size).toBe(0);
  });
});
