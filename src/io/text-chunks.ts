import { createReadStream } from 'node:fs';
import { inputError } from '../core/errors.js';
import { txt } from '../core/text.js';
import { ENCODINGS_HINT, type TextEncoding, encodingFromLabel } from './encoding.js';

/** Thrown when strict UTF-8 decoding fails mid-stream: re-read the file as GB18030. */
export class NotUtf8 extends Error {
  constructor() {
    super('not UTF-8');
    this.name = 'NotUtf8';
  }
}

export interface TextChunkOptions {
  /** Force an encoding (utf-8, gbk …); detected otherwise. */
  encoding?: string;
  /** Read buffer size (default 64 KiB). */
  chunkBytes?: number;
}

/**
 * The text of a file, decoded chunk by chunk in constant memory (formats.md §2.1): BOM first, else strict UTF-8, with
 * a streaming TextDecoder (a character split across chunks is joined by the decoder). With detection, a file that is
 * not UTF-8 throws NotUtf8, possibly after text was given out: the caller restarts with `encoding: 'gb18030'`.
 * `info.encoding` is set once decided. The last chunk is the decoder's tail (possibly '').
 */
export async function* textChunks(file: string, opts: TextChunkOptions = {}, info: { encoding?: TextEncoding } = {}): AsyncGenerator<string> {
  const forced = opts.encoding ? encodingFromLabel(opts.encoding) : undefined;
  if (opts.encoding && !forced) {
    throw inputError(txt(`不支持的编码「${opts.encoding}」`, `unsupported encoding "${opts.encoding}"`), { file }, ENCODINGS_HINT);
  }
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  const stream = createReadStream(file, { highWaterMark: opts.chunkBytes ?? 1 << 16 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let bytes: Uint8Array = chunk;
      if (!decoder) {
        let enc: TextEncoding = forced ?? 'utf-8';
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          bytes = bytes.subarray(3);
        } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
          bytes = bytes.subarray(2);
          enc = 'utf-16le';
        } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
          bytes = bytes.subarray(2);
          enc = 'utf-16be';
        }
        info.encoding = enc;
        decoder = new TextDecoder(enc, { fatal: true });
      }
      let text: string;
      try {
        text = decoder.decode(bytes, { stream: true });
      } catch (e) {
        if (!forced && info.encoding === 'utf-8') throw new NotUtf8();
        throw inputError(txt(`文件内容不是有效的 ${info.encoding?.toUpperCase()} 编码`, `the file is not valid ${info.encoding?.toUpperCase()}`), { file }, txt('请检查编码（--encoding）。', 'Check the encoding (--encoding).'), e);
      }
      yield text;
    }
    let tail: string;
    try {
      tail = decoder ? decoder.decode() : '';
    } catch {
      if (!forced && info.encoding === 'utf-8') throw new NotUtf8();
      throw inputError(txt('文件结尾的字符不完整', 'the file ends inside a character'), { file });
    }
    yield tail;
  } finally {
    stream.destroy();
  }
}
