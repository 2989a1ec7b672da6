import { Readable } from 'node:stream';
import { DimingError, inputError } from '../../core/errors.js';
import { txt } from '../../core/text.js';
import { readInput } from '../dataset.js';
import type { CsvRecord } from '../../geo/csvstream.js';
import { cellText, damagedWorkbook } from './xlsx.js';

/** Rows handed on at a time (as csvBatches does). */
const BATCH = 2048;

/**
 * The rows of the first sheet of an .xlsx workbook, streamed (exceljs' WorkbookReader): memory stays flat however many
 * rows the sheet has, where loading the workbook costs about 2.5 KB a row. Merged cells are NOT filled down (their
 * ranges come after the rows in the sheet), so this is for large registers only; `line` is the sheet's row number.
 */
export async function* xlsxBatches(file: string): AsyncGenerator<CsvRecord[]> {
  // The compressed file is small beside what it inflates to; a zip bomb is refused from its stated sizes first.
  const buf = await readInput(file);
  await (await import('../../geo/zip.js')).assertZipStatedSize(buf, file);
  const ExcelJS = (await import('exceljs')).default;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache',
    styles: 'cache', // dates come as Date objects, as in the full reader
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets++;
      let batch: CsvRecord[] = [];
      for await (const row of sheet as AsyncIterable<{ number: number; cellCount: number; getCell(c: number): { value: unknown } }>) {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
        batch.push({ cells, line: row.number });
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
      // The first sheet only, as the full reader without --sheet.
      break;
    }
  } catch (e) {
    if (e instanceof DimingError) throw e;
    throw damagedWorkbook(file, e);
  }
  if (!sheets) {
    throw inputError(txt('工作簿中没有工作表', 'the workbook has no sheets'), { file }, txt('请在 Excel/WPS 中检查该文件，把名称表放在一个工作表中。', 'Open it in Excel/WPS and put the names in a sheet.'));
  }
}
