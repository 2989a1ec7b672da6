#!/usr/bin/env node
/**
 * Announcement bench: a 10,000-road announcement in ~40 townships → DOCX and XLSX, median of 5 runs each.
 * Target (issue): DOCX ≤ 10 s. Runs against the built library in dist/ (build first: npx tsc -p .).
 *
 *   node bench/announce.mjs [roads] [runs]
 *
 * Also exports `makeAnnouncementDoc` (the synthetic document, used by the tests too) and `benchAnnounce`.
 */
import { pathToFileURL } from 'node:url';

const SPECIFICS = [
  ['幸福', 'Xìngfú'], ['和谐', 'Héxié'], ['富民', 'Fùmín'], ['振兴', 'Zhènxīng'], ['康宁', 'Kāngníng'],
  ['安居', 'Ānjū'], ['兴旺', 'Xīngwàng'], ['丰收', 'Fēngshōu'], ['长青', 'Chángqīng'], ['绿源', 'Lǜyuán'],
  ['吕家', 'Lǚjiā'], ['柳河', 'Liǔhé'], ['桃园', 'Táoyuán'], ['杏林', 'Xìnglín'], ['东升', 'Dōngshēng'],
  ['新华', 'Xīnhuá'], ['平安', "Píng'ān"], ['永安', "Yǒng'ān"], ['西营', 'Xīyíng'], ['明德', 'Míngdé'],
  ['崇文', 'Chóngwén'], ['惠民', 'Huìmín'], ['育才', 'Yùcái'], ['胜利', 'Shènglì'], ['团结', 'Tuánjié'],
];
const GENERICS = [['路', 'Lù'], ['街', 'Jiē'], ['巷', 'Xiàng'], ['大道', 'Dàdào']];
const ORDINALS = [['', ''], ['一', ' 1'], ['二', ' 2'], ['三', ' 3'], ['四', ' 4'], ['五', ' 5'], ['六', ' 6'], ['七', ' 7']];
const TOWN_BASES = [
  '大王', '稻庄', '李鹊', '丁庄', '花官', '陈官', '乐安', '码头', '大码头', '广饶', '西刘桥', '石村', '孙武', '英才',
  '柳桥', '杨庄', '凤凰', '青龙', '白马', '金沙',
];

/**
 * A synthetic announcement of `roads` roads spread over `townships` townships. Names are unique for the first
 * 25 × 4 × 8 = 800 roads and repeat after that. Pass `columns` from loadTemplate() of the library under test.
 */
export function makeAnnouncementDoc({ roads = 10_000, townships = 40, columns, title, extraRows = [] } = {}) {
  const towns = Array.from({ length: townships }, (_, i) => `${TOWN_BASES[i % TOWN_BASES.length]}${i < TOWN_BASES.length ? '镇' : '乡'}`);
  const groups = towns.map((t) => ({ township: t, adminPath: `山东省东营市广饶县${t}`, rows: [] }));
  let k = 0;
  for (let i = 0; i < roads; i++) {
    const g = i % townships;
    const town = towns[g];
    // Enumerate specific × generic × ordinal.
    const s = SPECIFICS[k % SPECIFICS.length];
    const gen = GENERICS[Math.floor(k / SPECIFICS.length) % GENERICS.length];
    const ord = ORDINALS[Math.floor(k / (SPECIFICS.length * GENERICS.length)) % ORDINALS.length];
    k++;
    const name = `${s[0]}${ord[0]}${gen[0]}`;
    const pinyin = `${s[1]}${ord[1]} ${gen[1]}`;
    const village = `${s[0]}村`;
    const ew = i % 2 === 0;
    groups[g].rows.push({
      name,
      pinyin,
      admin_path: `山东省东营市广饶县${town}${village}`,
      location_desc: `位于${town}${village}，${ew ? '西起' : '南起'}${village}村委会，${ew ? '东至' : '北至'}小清河南侧，全长约${300 + (i % 900)}米`,
      length_m: String(300 + (i % 900)),
      width_m: String(4 + (i % 5)),
      orientation: ew ? 'EW' : 'NS',
      naming_reason: `寓意${s[0]}，体现乡村振兴和美好生活愿景`,
      approval_body: '广饶县人民政府',
      approval_no: '广政字〔2024〕12号',
      approval_date: '2024-03-01',
    });
  }
  for (const r of extraRows) groups[0].rows.push(r);
  return {
    title: title ?? '广饶县人民政府关于乡村道路命名的公告',
    docNo: '广政字〔2024〕12号',
    authority: '广饶县人民政府',
    date: '2024-03-01',
    columns,
    groups,
  };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Time DOCX and XLSX generation; returns the medians in milliseconds and the output sizes. */
export async function benchAnnounce({ roads = 10_000, townships = 40, runs = 5, lib } = {}) {
  const announce = lib ?? (await import(new URL('../dist/announce/index.js', import.meta.url).href));
  const doc = makeAnnouncementDoc({ roads, townships, columns: announce.loadTemplate('full').columns });
  const result = { roads, townships, runs };
  for (const format of ['docx', 'xlsx']) {
    const times = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const out = await announce.renderAnnouncement(doc, format);
      times.push(performance.now() - t0);
      size = out.length;
    }
    result[format] = { medianMs: Math.round(median(times)), runsMs: times.map(Math.round), bytes: size };
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const roads = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 5);
  const r = await benchAnnounce({ roads, runs });
  console.log(`announce bench: ${r.roads} roads, ${r.townships} townships, median of ${r.runs}`);
  for (const f of ['docx', 'xlsx']) {
    console.log(`  ${f}: ${(r[f].medianMs / 1000).toFixed(2)} s (runs ${r[f].runsMs.join(', ')} ms), ${(r[f].bytes / 1e6).toFixed(2)} MB`);
  }
  const ok = r.docx.medianMs <= 10_000;
  console.log(ok ? '  DOCX within the 10 s target' : '  DOCX OVER the 10 s target');
  process.exitCode = ok ? 0 : 1;
}
