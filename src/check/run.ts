import type { Dataset } from '../core/record.js';
import type { Orthography } from '../pinyin/orthography.js';
import { type Text, txt } from '../core/text.js';
import { type Profile, loadProfile, ordinalsOf } from '../profiles/profile.js';
import { AUTO, autoProfiles } from '../profiles/auto.js';
import { RULES } from '../rules/registry.js';
import type { EntityType } from '../name/types.js';
import type { AnalyzedRecord, Severity } from '../rules/types.js';
import { type CheckOptions, type CheckResult, RuleRun, analyzeDataset } from './engine.js';
import type { BuiltUpAreas } from '../geo/built-up.js';
import type { BBox } from '../geo/geometry.js';
import type { LocatedResult } from './located.js';
import { type GazetteerStats, ScopeNeeds } from './gazetteer.js';
import { BUILT_UP, comparesNoArea, scopeLength } from './uniqueness.js';
import { loadGazetteersAside } from './gazetteer-thread.js';
import type { DatasetGeometry } from '../geo/analyze.js';
import type { TownshipBoundaries } from '../geo/boundaries.js';
import { attachGeometry, runGeometryStage } from './geometry.js';

const UNIQUENESS_RULES = ['duplicate', 'homophone', 'near-duplicate'];

export interface RunCheckOptions {
  /** Profile names or files; 'auto' picks per row by appliesTo (the others, or national, are the fallback). */
  profiles: string[];
  gazetteers?: string[];
  rules?: Map<string, Severity>;
  type?: EntityType;
  today?: Date;
  onProgress?: (done: number, total: number) => void;
  /** --crs: CRS of the geometries, or 'auto' (default: what the source declares, else detected from the numbers). */
  crs?: string;
  /** Township polygons (--boundaries) for geometry-outside. */
  boundaries?: TownshipBoundaries;
  /** Built-up-area polygons (--built-up) for the uniqueness scope builtUpArea. */
  builtUp?: BuiltUpAreas;
  /** The command needs geometry (diming geojson): a record without one is a geometry-invalid finding (rules.md §0.5). */
  requireGeometry?: boolean;
  /** The pinyin engine to share with later steps (diming run spells every name again for its outputs). */
  orthography?: Orthography;
  /** --dbf-encoding: the code page of every shapefile read here (registers, the reference layer), as of the batch's own. */
  dbfEncoding?: string;
}

export interface RunCheckResult extends CheckResult {
  profiles: Profile[];
  /** The geometry stage (CRS decision, per-record lon/lat geometry), when the input has geometry. */
  geometry?: DatasetGeometry;
  /** The source coordinates were GCJ-02/BD-09 (print the legal notice, formats.md §3.5). */
  offsetSource?: boolean;
}


/** The whole check of one dataset: profiles, existing names restricted to the batch's scopes, rules. */
export async function runCheck(ds: Dataset, o: RunCheckOptions): Promise<RunCheckResult> {
  const timing = phaseTimer();
  const auto = o.profiles.includes(AUTO);
  const named = o.profiles.filter((p) => p !== AUTO);
  const profiles = auto ? autoProfiles(named, RULES) : [loadProfile(named.length ? named : ['national'], RULES)];
  const fallback = profiles[0];
  const base: CheckOptions = { profiles, auto, type: o.type, ruleOverrides: o.rules, today: o.today, onProgress: o.onProgress, orthography: o.orthography };
  // Geometry stage (rules.md §10): options of the geometry rules come from the (fallback) profile.
  const opt = (id: string, key: string) => fallback.rules.get(id)?.options[key];
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const refFile = opt('crs-suspect', 'referenceLayer');
  const stage = await runGeometryStage(ds, {
    crs: o.crs,
    requireGeometry: o.requireGeometry,
    boundaries: o.boundaries,
    minLengthMeters: num(opt('geometry-invalid', 'minLengthMeters')),
    toleranceMeters: num(opt('geometry-outside', 'toleranceMeters')),
    reference: typeof refFile === 'string' && refFile ? await (await import('./located.js')).loadReferenceLayer(refFile, { dbfEncoding: o.dbfEncoding }) : undefined,
  });
  if (stage) timing('geometry');
  const analysis = analyzeDataset(ds, base);
  if (stage) attachGeometry(analysis.records, stage.geometry);
  timing('analyse');
  const notes: Text[] = [...(stage?.notes ?? [])];
  for (const p of profiles) {
    if (ordinalsOf(p) !== 'spelled') continue;
    // profiles.md §5: spelled ordinals depart from the national rule; say so once per run.
    notes.push(txt(
      `配置 ${p.name} 规定序数用拼音拼写（ordinals: spelled），拼音因此写作如 Yīxiàng；这与1984年《中国地名汉语拼音字母拼写规则》第7条（序数用阿拉伯数字）不同`,
      `profile ${p.name} spells ordinals out (ordinals: spelled), e.g. Yīxiàng; this departs from rule 7 of the 1984 place-name spelling rules (ordinals as Arabic digits)`,
    ));
  }
  let usesBuiltUp = false;
  for (const p of profiles) {
    const ids = UNIQUENESS_RULES.filter((id) => p.rules.get(id)?.options.scope === BUILT_UP
      || p.overrides.some((o) => { const s = o.rules.get(id); return Array.isArray(s) && s[1]?.scope === BUILT_UP; }));
    if (!ids.length) continue;
    usesBuiltUp = true;
    if (o.builtUp && stage) continue;
    // rules.md §0.3: the scope needs the polygons (--built-up) and the records' geometry; say how names are compared.
    notes.push(o.builtUp
      ? txt(
        `配置 ${p.name} 的 ${ids.join('、')} 使用建成区范围（builtUpArea），但本表没有几何，无法判断道路是否在建成区内；按同一乡镇（街道）比较`,
        `profile ${p.name} sets the built-up-area scope (builtUpArea) for ${ids.join(', ')}, but this table has no geometry to place the roads; names are compared by township`,
      )
      : txt(
        `配置 ${p.name} 的 ${ids.join('、')} 使用建成区范围（builtUpArea），需要建成区面图层（--built-up）；未提供，按同一乡镇（街道）比较`,
        `profile ${p.name} sets the built-up-area scope (builtUpArea) for ${ids.join(', ')}, which needs built-up-area polygons (--built-up); none given, so names are compared by township`,
      ));
  }
  if (o.builtUp && !usesBuiltUp) {
    notes.push(txt(
      `已读取建成区（${o.builtUp.file}），但所用配置没有规则使用建成区范围（builtUpArea），未使用；可在配置中为 duplicate 等规则设置 "scope": "builtUpArea"`,
      `built-up areas were read (${o.builtUp.file}), but no rule of the profile uses the builtUpArea scope, so they are not used; set "scope": "builtUpArea" for duplicate and the others in a profile`,
    ));
  }
  const run = new RuleRun(analysis, base);
  let existing;
  let located: LocatedResult | undefined;
  if (o.gazetteers?.length) {
    // The widest uniqueness scope of any profile decides which existing names are kept.
    let len = 9;
    for (const p of profiles) {
      for (const id of UNIQUENESS_RULES) {
        const scope = (p.rules.get(id)?.options.scope as string | undefined) ?? (p.settings.uniquenessScope as string);
        len = Math.min(len, scopeLength(scope));
      }
    }
    const needs = new ScopeNeeds();
    for (const r of analysis.records) needs.add(r.admin.code ? r.admin.code.slice(0, Math.min(len, r.admin.code.length)) : undefined);
    // Large files are read in another thread while the rules that need no existing names run here.
    const reading = loadGazetteersAside(o.gazetteers, needs, { dbfEncoding: o.dbfEncoding });
    await reading.ready;
    timing('existing names (headers)');
    // Stops early when the reading fails (an error deep in a large file): `done` then rejects with it.
    const complete = run.recordRules('without-existing', reading.failed);
    timing('rules without existing names');
    const loaded = await reading.done;
    // The flag is set only by a failing reader, whose `done` rejects above; an incomplete pass must never be reported.
    if (!complete) throw new Error('the rules stopped for an existing-name reader that did not fail');
    timing('existing names (rest of the reading)');
    existing = loaded.existing;
    if (stage) {
      // One read of the registers with geometry serves nearby-duplicate and the built-up areas.
      const near = await nearbySearchArea(analysis.records, profiles, o);
      const areas = o.builtUp && usesBuiltUp ? o.builtUp.bbox : undefined;
      if (near || areas) {
        const { unionBBox, bboxesIntersect } = await import('../geo/nearby.js');
        const { loadLocatedNames } = await import('./located.js');
        located = await loadLocatedNames(o.gazetteers, unionBBox([near, areas].filter((b) => b !== undefined))!, { dbfEncoding: o.dbfEncoding, near: near ?? null, builtUp: areas !== undefined });
        if (near) existing.located = located.names.filter((n) => bboxesIntersect(n.bbox, near));
        notes.push(...located.notes);
        timing('existing names with geometry');
      }
    }
    // One decision for all files, which the scan follows and the notes report.
    existing.noAreaCompared = comparesNoArea(loaded.stats.reduce((n, st) => n + st.noAreaKept, 0), needs.prefixes.size);
    for (const st of loaded.stats) notes.push(existingNote(st, existing.noAreaCompared));
    run.setExisting(existing);
    run.recordRules('with-existing');
  } else {
    notes.push(txt('未提供已有地名（--gazetteer），重名、同音只在本表内比较', 'no existing names given (--gazetteer): duplicates and homophones are checked within this table only'));
    run.recordRules('all');
  }
  if (o.builtUp && usesBuiltUp && stage) {
    const { builtUpScope } = await import('./built-up-scope.js');
    const made = builtUpScope(o.builtUp, analysis.records, located);
    base.builtUp = made.scope;
    notes.push(...o.builtUp.notes, ...made.notes);
    timing('built-up areas');
  }
  const result = run.finish();
  timing('rules');
  return { ...result, notes: [...notes, ...result.notes], profiles, geometry: stage?.geometry, offsetSource: stage?.offsetSource };
}

/**
 * Where nearby-duplicate looks for existing names with geometry (any administrative area): the batch's extent plus the
 * radius; undefined when the rule is off everywhere or no record has a usable geometry.
 */
async function nearbySearchArea(records: readonly AnalyzedRecord[], profiles: Profile[], o: RunCheckOptions): Promise<BBox | undefined> {
  const id = 'nearby-duplicate';
  const over = o.rules?.get(id);
  const cfgs = profiles.map((p) => p.rules.get(id)).filter((c) => c && (over ?? c.severity) !== 'off');
  if (!cfgs.length && (!over || over === 'off')) return undefined;
  const radius = !cfgs.length ? 3000 : Math.max(...cfgs.map((c) => (typeof c!.options.radiusMeters === 'number' ? c!.options.radiusMeters : 3000)));
  const { unionBBox, expandBBox } = await import('../geo/nearby.js');
  const area = unionBBox(records.flatMap((r) => (r.geo?.measure ? [r.geo.measure.bbox] : [])));
  return area && expandBBox(area, radius);
}

/** What became of one existing-name file's rows (names without an area: compared with every scope, or skipped). */
function existingNote(st: GazetteerStats, noAreaCompared: boolean): Text {
  let zh = `已有地名 ${st.file}：读入 ${st.read} 条，与本表同一范围的 ${st.kept} 条参与比较`;
  let en = `existing names ${st.file}: ${st.read} read, ${st.kept} in this table's scopes compared`;
  if (st.elsewhere) {
    zh += `；另有 ${st.elsewhere} 条只写了多处共用的政区名称（如不带县名的乡镇名），这些政区都不在本表范围内，未参与比较`;
    const many = st.elsewhere > 1;
    en += `; ${st.elsewhere} more row${many ? 's' : ''} name${many ? '' : 's'} only an area that several divisions share (a township without its county), none of them in this table's scopes: not compared`;
  }
  if (!st.noArea) return txt(zh, en);
  const compared = noAreaCompared ? st.noAreaKept : 0;
  if (compared === st.noArea) {
    return txt(
      `${zh}；${st.noArea} 条没有所属政区，已与本表各乡镇（范围）比较，结果降一级提示核实（加上区划代码列可避免）`,
      `${en}; ${st.noArea} without an area were compared with every scope of this table, one level lower (add an area column to avoid this)`,
    );
  }
  return txt(
    `${zh}；${st.noArea} 条没有所属政区，${compared ? `其中 ${compared} 条已与本表各范围比较，其余` : ''}未参与比较（请加上区划代码或所属乡镇列）`,
    `${en}; ${st.noArea} without an area${compared ? ` (${compared} of them compared with every scope)` : ''} were ${compared ? 'otherwise ' : ''}skipped (add an area code or township column)`,
  );
}

/** DIMING_TIMING=1 prints the CPU and wall time of each phase on stderr (for tuning; machines are noisy). */
function phaseTimer(): (label: string) => void {
  if (!process.env.DIMING_TIMING) return () => undefined;
  let cpu = process.cpuUsage();
  let wall = performance.now();
  return (label) => {
    const c = process.cpuUsage(cpu);
    const w = performance.now();
    process.stderr.write(`[timing] ${label}: cpu ${((c.user + c.system) / 1e6).toFixed(2)} s, wall ${((w - wall) / 1e3).toFixed(2)} s, rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB\n`);
    cpu = process.cpuUsage();
    wall = w;
  };
}
