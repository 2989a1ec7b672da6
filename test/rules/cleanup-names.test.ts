import { describe, expect, it } from 'vitest';
import type { NameRecord } from '../../src/core/record.js';
import { runAll } from './approved-names.test.js';

/**
 * Names of the kinds removed in the 2018–19 clean-up of 大、洋、怪 names (民发〔2018〕146号), each with the rule that
 * must report it. (重, duplicates, belongs to the uniqueness rules.) Constructed in the style of the published
 * clean-up lists; no real entity is named here.
 */
const CLEANUP: [string, string, string?][] = [
  // 大: exaggeration
  ['宇宙路', 'exaggeration'], ['环球大道', 'exaggeration'], ['中央大街', 'exaggeration'], ['天下城路', 'exaggeration'],
  ['世界花园路', 'exaggeration'], ['国际大道', 'exaggeration'], ['中华巷', 'exaggeration'], ['全球路', 'exaggeration'],
  ['寰宇路', 'exaggeration'], ['首府路', 'exaggeration'], ['万国路', 'exaggeration'], ['宇宙城路', 'exaggeration'],
  ['环球中心路', 'exaggeration'], ['天下第一街', 'exaggeration'], ['中国城路', 'exaggeration'], ['全国路', 'exaggeration'],
  ['特区大道', 'exaggeration'], ['首都路', 'exaggeration'], ['中南海路', 'exaggeration'], ['太平洋路', 'exaggeration'],
  ['欧洲城路', 'exaggeration'], ['亚洲路', 'exaggeration'], ['美洲大道', 'exaggeration'], ['非洲路', 'exaggeration'],
  ['欧洲城路', 'foreign-place'], ['亚洲路', 'foreign-place'],
  // 洋: foreign places, persons, style words
  ['曼哈顿路', 'foreign-place'], ['威尼斯水巷', 'foreign-place'], ['巴黎春天路', 'foreign-place'], ['加州大道', 'foreign-place'],
  ['普罗旺斯路', 'foreign-place'], ['托斯卡纳路', 'foreign-word'], ['香榭丽舍路', 'foreign-place'], ['罗马假日路', 'foreign-word'],
  ['拉斯维加斯路', 'foreign-place'], ['纽约街', 'foreign-place'], ['伦敦路', 'foreign-place'], ['巴塞罗那路', 'foreign-place'],
  ['夏威夷路', 'foreign-place'], ['温哥华路', 'foreign-place'], ['洛杉矶路', 'foreign-place'], ['好莱坞路', 'foreign-place'],
  ['维也纳路', 'foreign-place'], ['雅典路', 'foreign-place'], ['悉尼路', 'foreign-place'], ['莫斯科路', 'foreign-place'],
  ['凡尔赛路', 'foreign-place'], ['马德里路', 'foreign-place'], ['阿尔卑斯路', 'foreign-place'], ['巴黎路', 'foreign-place'],
  ['维多利亚路', 'foreign-person'], ['莎士比亚巷', 'foreign-person'], ['牛顿路', 'foreign-person'], ['爱因斯坦路', 'foreign-person'],
  ['哥伦布路', 'foreign-person'], ['林肯路', 'foreign-person'], ['巴洛克路', 'foreign-word'], ['波西米亚路', 'foreign-word'],
  ['迪士尼路', 'foreign-word'], ['蒙特卡洛路', 'foreign-word'], ['奥林匹克路', 'foreign-word'], ['香槟路', 'foreign-word'],
  ['托斯卡纳路', 'foreign-place'], ['普罗旺斯路', 'foreign-word'],
  // 怪: feudal words
  ['御景路', 'feudal'], ['帝豪路', 'feudal'], ['皇庭巷', 'feudal'], ['帝景路', 'feudal'], ['皇家花园路', 'feudal'],
  ['御园路', 'feudal'], ['皇城路', 'feudal'], ['帝都大道', 'feudal'], ['相府路', 'feudal'], ['御府路', 'feudal'],
  ['龙御路', 'feudal'], ['金銮路', 'feudal'], ['皇宫路', 'feudal'], ['宫廷路', 'feudal'], ['太师路', 'feudal'],
  ['宰相路', 'feudal'], ['帝王路', 'feudal'], ['天子路', 'feudal'], ['王府大街', 'feudal'], ['御苑街', 'feudal'],
  ['皇都路', 'feudal'], ['帝苑路', 'feudal'],
  // 怪: improper generics, odd and unhealthy names, bare numbers
  ['锦绣尊府', 'generic-class'], ['御景尊府', 'feudal'], ['紫薇公馆', 'generic-class'], ['翰林官邸', 'generic-class'],
  ['若水之境路', 'weird'], ['三瓶五斗路', 'weird'], ['梦想之城路', 'weird'], ['壹号路', 'bare-number'],
  ['一号巷', 'bare-number'], ['三路', 'bare-number'], ['阴曹路', 'unhealthy-meaning'], ['冥府巷', 'unhealthy-meaning'],
  ['黄泉路', 'unhealthy-meaning'], ['鬼门路', 'unhealthy-meaning'], ['桃源广场', 'generic-class'], ['幸福家园', 'generic-class'],
];

describe('names of the 2018–19 clean-up', () => {
  const records: NameRecord[] = CLEANUP.map(([name], i) => ({ row: i + 1, name, fields: { province: '山东省', city: '东营市', county: '广饶县' }, extra: {} }));
  const findings = runAll(records);

  it('has at least 80 names', () => {
    expect(new Set(CLEANUP.map(([n]) => n)).size).toBeGreaterThanOrEqual(80);
  });

  it.each(CLEANUP.map(([name, rule], i) => [name, rule, i + 1] as const))('%s → %s', (_name, rule, row) => {
    const hit = findings.filter((f) => f.row === row && f.rule === rule);
    expect(hit.length, findings.filter((f) => f.row === row).map((f) => `${f.rule}: ${f.message.zh}`).join(' | ') || 'no finding').toBeGreaterThan(0);
  });

  it('reports most of them at error severity', () => {
    const rows = CLEANUP.map((_, i) => i + 1);
    const errors = rows.filter((row) => findings.some((f) => f.row === row && f.rule === CLEANUP[row - 1][1] && f.severity === 'error'));
    if (process.env.DIMING_SHOW) console.log('not errors:', rows.filter((r) => !errors.includes(r)).map((r) => CLEANUP[r - 1].join(' ')).join(', '));
    expect(errors.length / rows.length).toBeGreaterThanOrEqual(0.85);
  });
});
