import { JSONParser } from '@streamparser/json';
import { inputError } from '../../core/errors.js';
import { txt } from '../../core/text.js';
import type { TextEncoding } from '../encoding.js';
import { textChunks } from '../text-chunks.js';
import { jsonErrorText } from '../json.js';
import { type NumberedFeature, SequenceReader, feature, invalidGeoJson, legacyCrs, looksLikeSequence } from './geojson.js';

export type { NumberedFeature };

/** What the stream has found out: the encoding once decided, the CRS of an old-style `crs` member once read. */
export interface GeoJsonStreamInfo {
  encoding?: TextEncoding;
  crs?: string;
}

/** The root of the file is not a FeatureCollection (a single Feature or a geometry): read it whole instead. */
export class NotACollection extends Error {
  constructor() {
    super('not a FeatureCollection');
    this.name = 'NotACollection';
  }
}

/** Read size: the parser's cost is per character, so larger reads only mean fewer, larger batches. */
const CHUNK_BYTES = 1 << 18;

/**
 * The features of a GeoJSON file, a batch at a time, without holding the file or its parsed tree (a 500,000-feature
 * register costs 133 MB this way, 860 MB read whole; a file over 512 MB cannot be read whole at all). A
 * FeatureCollection goes through @streamparser/json, which gives each element of `features` as it completes; a GeoJSON
 * sequence (RFC 8142, or one feature per line) is split into lines, each parsed by JSON.parse. Encoding as
 * textChunks (NotUtf8: restart as GB18030). A root that is a single Feature or a geometry throws NotACollection
 * (possibly after features were given, when `type` comes last): the caller reads the file whole.
 */
export async function* geoJsonFeatureBatches(file: string, opts: { encoding?: string; chunkBytes?: number } = {}, info: GeoJsonStreamInfo = {}): AsyncGenerator<NumberedFeature[]> {
  let reader: FeatureCollectionReader | SequenceReader | undefined;
  let head = '';
  for await (const text of textChunks(file, { encoding: opts.encoding, chunkBytes: opts.chunkBytes ?? CHUNK_BYTES }, info)) {
    if (!reader) {
      head += text;
      const kind = kindOf(head.trimStart());
      if (!kind) continue;
      reader = kind === 'sequence' ? new SequenceReader(file) : new FeatureCollectionReader(file, info);
      yield reader.push(head);
      head = '';
      continue;
    }
    const batch = reader.push(text);
    if (batch.length) yield batch;
  }
  if (!reader) {
    if (!head.trim()) throw inputError(txt('文件是空的', 'the file is empty'), { file });
    reader = kindOf(head.trimStart(), true) === 'sequence' ? new SequenceReader(file) : new FeatureCollectionReader(file, info);
    yield reader.push(head);
  }
  yield reader.end();
}

/**
 * Text looked at before deciding: a file whose first line is longer (a minified collection on one line) is a
 * collection. Waiting for its line end would hold the whole file.
 */
const HEAD_LIMIT = 1 << 20;

/** 'sequence' or 'collection' once the start of the text tells (the first line and what follows it), else undefined. */
function kindOf(trimmed: string, final = false): 'sequence' | 'collection' | undefined {
  if (!trimmed) return undefined;
  const nl = trimmed.indexOf('\n');
  const undecided = nl < 0 ? trimmed.length < HEAD_LIMIT : !trimmed.slice(nl + 1).trim();
  if (!final && undecided && !trimmed.startsWith('\x1e')) return undefined;
  return looksLikeSequence(trimmed) ? 'sequence' : 'collection';
}

/** One JSON text (a FeatureCollection), parsed as it arrives; the elements of `features` are given as they complete. */
class FeatureCollectionReader {
  private readonly parser = new JSONParser({ paths: ['$.type', '$.crs', '$.features.*'], keepStack: false });
  /** Elements of `features` as parsed, checked in take(): an error thrown inside the parser's callback would reach onError as a parse error. */
  private out: { value: unknown; i: number }[] = [];
  private type: unknown;
  /** The `crs` member, read in take() (an error thrown in the parser's callback would become a parse error). */
  private crs: unknown;
  private error: Error | undefined;
  /** Lines before the current chunk, for the line of an error. */
  private lines = 0;
  private chunk = '';

  constructor(
    private readonly file: string,
    private readonly info: GeoJsonStreamInfo,
  ) {
    this.parser.onValue = ({ value, key }) => {
      if (typeof key === 'number') this.out.push({ value, i: key });
      else if (key === 'crs') this.crs = value;
      else this.type = value;
    };
    this.parser.onError = (e) => void (this.error ??= e);
  }

  push(text: string): NumberedFeature[] {
    this.chunk = text;
    this.parser.write(text);
    this.check();
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lines++;
    return this.take();
  }

  end(): NumberedFeature[] {
    this.chunk = '';
    if (!this.parser.isEnded) this.parser.end();
    this.check(true);
    if (this.type === undefined) throw inputError(txt('不是 GeoJSON：缺少 type 成员', 'not GeoJSON: no "type" member'), { file: this.file });
    if (this.type !== 'FeatureCollection') throw new NotACollection();
    return this.take();
  }

  private take(): NumberedFeature[] {
    if (this.crs !== undefined) {
      this.info.crs = legacyCrs(this.crs, this.file)?.id;
      this.crs = undefined;
    }
    const out = this.out.map(({ value, i }) => ({ feature: feature(value, this.file, undefined, i), row: i + 1 }));
    this.out = [];
    return out;
  }

  /** Report the parser's first error in readGeoJson's words (those of JSON.parse's errors), with its line. */
  private check(atEnd = false): void {
    const e = this.error;
    if (!e) return;
    // The parser counts the UTF-8 bytes of the chunk; a file that ends too early ends on its last line.
    const pos = /chunk position "(\d+)"/.exec(e.message);
    const before = pos ? Buffer.from(this.chunk).subarray(0, Number(pos[1])).toString() : '';
    let line = this.lines + 1;
    for (let i = before.indexOf('\n'); i >= 0; i = before.indexOf('\n', i + 1)) line++;
    const ch = /^Unexpected "([\s\S])"/.exec(e.message)?.[1];
    const as =
      atEnd ? 'Unexpected end of JSON input'
      : /in state ENDED/.test(e.message) ? 'Unexpected non-whitespace character after JSON'
      : ch !== undefined ? `Unexpected token '${ch}'`
      : e.message;
    invalidGeoJson(jsonErrorText(as), this.file, line, e);
  }
}
