import { inputError } from '../core/errors.js';
import { txt } from '../core/text.js';

/**
 * Reading selected entries of a .zip/.kmz with jszip, safely: entries are inflated as streams and counted, and the
 * read stops with a clear error past a decompressed-size cap (zip bombs) or an entry-count cap.
 */

export interface ZipLimits {
  /** Total decompressed bytes allowed (default 512 MiB). */
  maxBytes?: number;
  /** Entries allowed in the archive (default 10 000). */
  maxEntries?: number;
}

export const DEFAULT_MAX_UNZIPPED = 512 * 1024 * 1024;

export interface ZipEntry {
  /** Path inside the archive. */
  path: string;
  /** Base name, lower-cased extension kept as written. */
  name: string;
  data: Uint8Array;
}

/**
 * For archives a library inflates whole (exceljs and .xlsx): refuse one whose entries state more than the cap in
 * total, before anything is inflated. An archive jszip cannot read passes, for the library's own message.
 */
export async function assertZipStatedSize(buf: Uint8Array, file: string, maxBytes = DEFAULT_MAX_UNZIPPED): Promise<void> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch {
    return;
  }
  let total = 0;
  for (const f of Object.values(zip.files)) {
    total += ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0) >>> 0;
  }
  if (total > maxBytes) {
    throw inputError(
      txt(`压缩文件解压后超过 ${Math.round(maxBytes / 1048576)} MB，已停止读取（可能是“压缩炸弹”）`, `the archive expands beyond ${Math.round(maxBytes / 1048576)} MB; reading stopped (possibly a zip bomb)`),
      { file },
      txt('请检查文件的来源；如果确实是这么大的表格，请另存为 CSV。', 'Check where the file came from; if the table really is this large, save it as CSV.'),
    );
  }
}

/** The archive's file paths (folders and macOS resource forks left out). */
export async function listZip(buf: Uint8Array, file: string, limits: ZipLimits = {}): Promise<{ paths: string[]; read: (paths: string[]) => Promise<ZipEntry[]> }> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    // No CRC check here: jszip would inflate every entry in full to check it (a zip bomb's whole expansion, before
    // any cap applies). The CRC of each entry read is checked below while it streams.
    zip = await JSZip.loadAsync(buf, { checkCRC32: false });
  } catch (e) {
    throw inputError(txt('压缩文件已损坏或不是 zip 格式', 'the archive is damaged or not a zip file'), { file }, txt('请重新打包或重新下载该文件。', 'Pack or download the file again.'), e);
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir && !/(^|\/)__MACOSX\//.test(f.name) && !/(^|\/)\._/.test(f.name));
  const maxEntries = limits.maxEntries ?? 10000;
  if (entries.length > maxEntries) {
    throw inputError(txt(`压缩文件中的文件太多（${entries.length} 个）`, `the archive holds too many files (${entries.length})`), { file });
  }
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_UNZIPPED;
  let total = 0;
  const read = async (paths: string[]): Promise<ZipEntry[]> => {
    const out: ZipEntry[] = [];
    for (const p of paths) {
      const entry = zip.file(p);
      if (!entry) continue;
      const chunks: Buffer[] = [];
      // The sizes and CRC the archive states for the entry (jszip keeps them from the central directory).
      const stated = (entry as unknown as { _data?: { uncompressedSize?: number; crc32?: number } })._data;
      // (jszip reads 32-bit fields as signed numbers: sizes of 2 GiB and more come out negative.)
      const statedSize = typeof stated?.uncompressedSize === 'number' ? stated.uncompressedSize >>> 0 : undefined;
      const bomb = () => inputError(
        txt(`压缩文件解压后超过 ${Math.round(maxBytes / 1048576)} MB，已停止读取（可能是“压缩炸弹”）`, `the archive expands beyond ${Math.round(maxBytes / 1048576)} MB; reading stopped (possibly a zip bomb)`),
        { file },
        txt('请解压后直接提供其中的文件，或检查压缩文件的来源。', 'Unpack it and give the files directly, or check where the archive came from.'),
      );
      const damaged = (zh: string, en: string) => inputError(
        txt(`压缩文件中的「${p}」已损坏：${zh}`, `"${p}" in the archive is damaged: ${en}`),
        { file },
        txt('请重新打包或重新下载该文件。', 'Pack or download the file again.'),
      );
      // An entry that says it is larger than the cap is refused before anything is inflated.
      if (statedSize !== undefined && total + statedSize > maxBytes) throw bomb();
      let size = 0;
      let crc = 0;
      await new Promise<void>((resolve, reject) => {
        const s = entry.nodeStream('nodebuffer');
        let failed = false;
        const stop = (e: unknown) => {
          failed = true;
          (s as unknown as { pause(): void }).pause();
          reject(e);
        };
        s.on('data', (c: Buffer) => {
          if (failed) return;
          total += c.length;
          size += c.length;
          if (total > maxBytes) return stop(bomb());
          // More bytes than the archive states: the header lies (a disguised zip bomb) or the entry is damaged.
          if (statedSize !== undefined && size > statedSize) return stop(damaged('解压后比压缩文件中记录的大小更大（可能是“压缩炸弹”）', 'it inflates beyond the size the archive states (possibly a zip bomb)'));
          crc = crc32(c, crc);
          chunks.push(c);
        });
        s.on('error', (e: Error) => {
          if (!failed) reject(inputError(txt(`压缩文件中的「${p}」无法解压`, `"${p}" in the archive cannot be unpacked`), { file }, undefined, e));
          failed = true;
        });
        s.on('end', () => {
          if (failed) return;
          if (typeof stated?.crc32 === 'number' && (stated.crc32 >>> 0) !== (crc >>> 0)) {
            failed = true;
            reject(damaged('校验和（CRC32）不符', 'CRC32 mismatch'));
            return;
          }
          resolve();
        });
      });
      out.push({ path: p, name: p.split('/').pop() ?? p, data: Buffer.concat(chunks) });
    }
    return out;
  };
  return { paths: entries.map((e) => e.name), read };
}

let CRC_TABLE: Int32Array | undefined;

/** CRC-32 (IEEE), continued from `crc` over `buf`. */
function crc32(buf: Uint8Array, crc: number): number {
  const t = (CRC_TABLE ??= (() => {
    const out = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      out[n] = c;
    }
    return out;
  })());
  let c = ~crc;
  for (let i = 0; i < buf.length; i++) c = t[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return ~c;
}
