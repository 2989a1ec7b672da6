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

/** The archive's file paths (folders and macOS resource forks left out). */
export async function listZip(buf: Uint8Array, file: string, limits: ZipLimits = {}): Promise<{ paths: string[]; read: (paths: string[]) => Promise<ZipEntry[]> }> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(buf, { checkCRC32: true });
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
      await new Promise<void>((resolve, reject) => {
        const s = entry.nodeStream('nodebuffer');
        let failed = false;
        s.on('data', (c: Buffer) => {
          if (failed) return;
          total += c.length;
          if (total > maxBytes) {
            failed = true;
            (s as unknown as { pause(): void }).pause();
            reject(inputError(
              txt(`压缩文件解压后超过 ${Math.round(maxBytes / 1048576)} MB，已停止读取（可能是“压缩炸弹”）`, `the archive expands beyond ${Math.round(maxBytes / 1048576)} MB; reading stopped (possibly a zip bomb)`),
              { file },
              txt('请解压后直接提供其中的文件，或检查压缩文件的来源。', 'Unpack it and give the files directly, or check where the archive came from.'),
            ));
            return;
          }
          chunks.push(c);
        });
        s.on('error', (e: Error) => {
          if (!failed) reject(inputError(txt(`压缩文件中的「${p}」无法解压`, `"${p}" in the archive cannot be unpacked`), { file }, undefined, e));
          failed = true;
        });
        s.on('end', () => {
          if (!failed) resolve();
        });
      });
      out.push({ path: p, name: p.split('/').pop() ?? p, data: Buffer.concat(chunks) });
    }
    return out;
  };
  return { paths: entries.map((e) => e.name), read };
}
