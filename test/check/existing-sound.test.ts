import { describe, expect, it } from 'vitest';
import { ExistingSoundKeys } from '../../src/check/existing-sound.js';
import { FNV_SEED, fnv, nameHash } from '../../src/check/namekeys.js';
import { quickSoundKey } from '../../src/check/readingkey.js';
import { Orthography } from '../../src/pinyin/orthography.js';

describe('sound keys of existing names (read as the engine reads the batch)', () => {
  const keys = new ExistingSoundKeys(new Orthography());

  it("lists a character's readings, the default one first, from the library and the place-name dictionary", () => {
    expect(keys.readings('重', false)[0]).toBe(quickSoundKey('重'));
    expect(keys.readings('重', false)).toContain('chong');
    expect(keys.readings('重', true)).toContain('chóng');
    expect(keys.readings('路', false)).toEqual(['lu']);
    expect(keys.readings('洞', false)).toContain('tong'); // 洪洞 Hongtong: the dictionary's reading
    expect(keys.unitReadings('重'.charCodeAt(0), false)).toEqual(keys.readings('重', false));
    expect(keys.readings('A', false)).toEqual([quickSoundKey('A')]);
  });

  it('knows which names the default readings may misread', () => {
    expect(keys.ambiguous('富民路', false)).toBe(false);
    expect(keys.ambiguous('重庆路', false)).toBe(true);
    expect(keys.ambiguous('富民路', false)).toBe(false); // asked again: from the per-unit table
    expect(keys.ambiguous('𠀋民路', false)).toBe(true); // outside the BMP: the engine decides
  });

  it('asks the engine only when some reading meets a key', () => {
    const set = (...ks: string[]) => new Set(ks.map((k) => nameHash(k) & 0x3fffffff));
    expect(keys.mayMeet('重庆路', false, FNV_SEED, set('chong qing lu'))).toBe(true);
    expect(keys.mayMeet('重庆路', false, FNV_SEED, set('zhong qing lu'))).toBe(true);
    expect(keys.mayMeet('重庆路', false, FNV_SEED, set('zhang qing lu'))).toBe(false);
    expect(keys.mayMeet('重庆路', true, fnv(FNV_SEED, 'T:'), set('T:chóng qìng lù'))).toBe(true);
    expect(keys.mayMeet('重庆路', true, FNV_SEED, set('T:chóng qìng lù'))).toBe(false);
    expect(keys.mayMeet('和和和和和和和路', false, FNV_SEED, set())).toBe(true);
  });

  it('gives the engine key, by place where readings differ by place', () => {
    expect(keys.key('重庆路', false, undefined, undefined)).toBe('chong qing lu');
    expect(keys.key('银行街', false, undefined, '道路')).toBe('yin hang jie');
    expect(keys.key('富民路', false, undefined, undefined)).toBe(quickSoundKey('富民路'));
    expect(keys.exact('洪洞路', false, undefined, undefined)).toBe('hong tong lu');
    expect(keys.exact('Abc路', false, undefined, undefined)).toBe(quickSoundKey('Abc路'));
  });
});
