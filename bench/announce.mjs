#!/usr/bin/env node
/**
 * Announcement bench: 10,000 roads in 40 townships → DOCX and XLSX, median of 5 runs each (target: DOCX ≤ 10 s).
 *  - library: renderAnnouncement on a ready document (the writers alone);
 *  - command: `diming announce roads.csv -o out.docx` end to end (read, check with every rule, pinyin, rows, write).
 * Runs against the built code in dist/ and bin/ (build first: npx tsc -p .).
 *
 *   node bench/announce.mjs [roads] [runs]
 *
 * Exports `run()` for bench/run.js, `makeAnnouncementDoc` (the synthetic document, also used by the tests),
 * `benchAnnounce` (library timings) and `announceTable` (the synthetic input table of the command bench).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { roadNames } from './generate.mjs';
import { median } from './stats.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

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

/**
 * A table of `roads` approved roads over `townships` townships of 东营市 (区划代码 column), each with 起点/止点, length,
 * width, meaning and approval, filing and announcement dates in time; names distinct across the table.
 */
export async function announceTable(file, { roads = 10_000, townships = 40 } = {}) {
  const { divisions } = await import(new URL('../dist/divisions/divisions.js', import.meta.url).href);
  const codes = [...divisions().byCode.keys()].filter((c) => c.length === 9 && c.startsWith('3705')).sort().slice(0, townships);
  const names = [...new Set(roadNames(roads * 3, 5))].slice(0, roads);
  if (names.length < roads) throw new Error(`only ${names.length} distinct names`);
  const ws = createWriteStream(file);
  ws.write('名称,区划代码,起点,止点,走向,长度(米),宽度(米),命名含义,批准机关,批准文号,批准时间,备案时间,公告时间\n');
  let buf = '';
  for (let i = 0; i < roads; i++) {
    const ew = i % 2 === 0;
    buf += `${names[i]},${codes[i % codes.length]},村委会${ew ? '西侧' : '南侧'},${ew ? '东' : '北'}外环路,${ew ? '东西' : '南北'},${300 + (i % 900)},${4 + (i % 5)},寓意美好生活,东营市人民政府,东政字〔2024〕12号,2024-03-01,2024-03-10,2024-03-12\n`;
    if (buf.length > 1 << 20) {
      if (!ws.write(buf)) await once(ws, 'drain');
      buf = '';
    }
  }
  ws.end(buf);
  await once(ws, 'finish');
  return { file, townships: codes.length };
}

/**
 * CPU time (ms) used so far by this process's finished children (Linux /proc: cutime + cstime, 100 ticks/s); undefined
 * elsewhere. Reported next to the wall time because the bench machines are shared and noisy.
 */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** `diming announce` on the table, `runs` times per format (median, ms); --force so rows with findings are kept. */
export function benchCommand(table, dir, { runs = 5, formats = ['docx', 'xlsx'] } = {}) {
  const out = {};
  for (const format of formats) {
    const times = [];
    const cpu = [];
    let bytes = 0;
    let marked = 0;
    for (let i = 0; i < runs; i++) {
      const target = join(dir, `out.${format}`);
      const c0 = childrenCpuMs();
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'diming.js'), 'announce', table, '-o', target, '--force', '--lang', 'en'], { encoding: 'utf8', maxBuffer: 256 << 20 });
      times.push(performance.now() - t0);
      const c1 = childrenCpuMs();
      if (c0 !== undefined && c1 !== undefined) cpu.push(c1 - c0);
      if (r.status !== 0 && r.status !== 1) throw new Error(`diming announce failed (${r.status}): ${r.stderr.slice(-2000)}`);
      bytes = statSync(target).size;
      marked = Number(/--force: (\d+) rows/.exec(r.stderr)?.[1] ?? 0);
    }
    out[format] = { medianMs: Math.round(median(times)), runsMs: times.map(Math.round), cpuMs: cpu.length ? Math.round(median(cpu)) : undefined, bytes, marked };
  }
  return out;
}

/** For bench/run.js: library and command timings, 10,000 roads, median of 5. */
export async function run({ roads = 10_000, runs = 5 } = {}) {
  const lib = await benchAnnounce({ roads, runs });
  const dir = join(tmpdir(), `diming-bench-announce-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const { file } = await announceTable(join(dir, `roads-${roads}.csv`), { roads });
    const cmd = benchCommand(file, dir, { runs });
    const s = (ms) => +(ms / 1000).toFixed(2);
    const mb = (b) => `${(b / 1e6).toFixed(2)} MB`;
    const cpuNote = (x) => (x.cpuMs !== undefined ? `cpu ${s(x.cpuMs)} s, ` : '');
    return {
      name: 'announce',
      rows: [
        { metric: `library: ${roads} roads → DOCX (median of ${runs})`, value: s(lib.docx.medianMs), unit: 's', target: '≤ 10', pass: lib.docx.medianMs <= 10_000, note: mb(lib.docx.bytes), runs: lib.docx.runsMs },
        { metric: `library: ${roads} roads → XLSX (median of ${runs})`, value: s(lib.xlsx.medianMs), unit: 's', target: '≤ 10', pass: lib.xlsx.medianMs <= 10_000, note: mb(lib.xlsx.bytes), runs: lib.xlsx.runsMs },
        { metric: `diming announce: ${roads} roads CSV → DOCX (median of ${runs})`, value: s(cmd.docx.medianMs), unit: 's', target: '≤ 10', pass: cmd.docx.medianMs <= 10_000, note: `${cpuNote(cmd.docx)}${mb(cmd.docx.bytes)}, ${cmd.docx.marked} rows marked`, runs: cmd.docx.runsMs },
        { metric: `diming announce: ${roads} roads CSV → XLSX (median of ${runs})`, value: s(cmd.xlsx.medianMs), unit: 's', target: '≤ 10', pass: cmd.xlsx.medianMs <= 10_000, note: `${cpuNote(cmd.xlsx)}${mb(cmd.xlsx.bytes)}, ${cmd.xlsx.marked} rows marked`, runs: cmd.xlsx.runsMs },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const roads = Number(process.argv[2] ?? 10_000);
  const runs = Number(process.argv[3] ?? 5);
  const r = await run({ roads, runs });
  console.table(r.rows.map(({ runs: _r, ...x }) => x));
  process.exitCode = r.rows.every((x) => x.pass !== false) ? 0 : 1;
}
