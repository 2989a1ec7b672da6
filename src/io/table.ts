/** A rectangular table of text cells as read from CSV or a spreadsheet, before headers are understood. */
export interface RawTable {
  /** Cell text per row, untrimmed. */
  rows: string[][];
  /** 1-based physical line (CSV) or sheet row (XLSX) of each row. */
  lines: number[];
  sheet?: string;
  encoding?: string;
}
