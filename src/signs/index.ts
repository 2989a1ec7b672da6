/**
 * Road signs (地名标志, GB 17733 street and lane signs): style, layout, SVG, schedule, contact sheet, writers.
 * Importing this module is cheap: exceljs is loaded only by `scheduleXlsx` / `writeScheduleXlsx`.
 */
export { type Box, type LineRole, type SignArrow, type SignContent, type SignLayout, type TextLine, CLEAR, baselines, layoutSign, maxSizeForBand } from './layout.js';
export { CAPS_METRICS, CJK_METRICS, LINE_PITCH, textWidthEm, type VerticalMetrics } from './metrics.js';
export { bestBreak, pinyinPieces, signPinyin, splitSyllables } from './pinyin.js';
export {
  type Placement, type RoadsInput, type Schedule, type ScheduledSign, type ScheduleOptions, type ScheduleProblem,
  buildSchedule, compass, faceFor, initialBearing, intersect,
} from './schedule.js';
export { type SheetItem, type SheetOptions, contactSheetChunks, renderContactSheet, sheetItemsFromSchedule } from './sheet.js';
export {
  type ArrowPlacement, type BrandLine, type SignStyle, type Umlaut, DEFAULT_SIGN_STYLE, defaultSignStyle, loadSignStyle,
  parseSignStyle, signStylePreset, signStylePresets,
} from './style.js';
export { LAYOUT_NOTE, escapeXml, renderSignBody, renderSignSvg } from './svg.js';
export {
  SCHEDULE_COLUMNS, type SignSetOptions, scheduleCsv, scheduleGeoJson, scheduleTable, scheduleXlsx, signContent, writeScheduleXlsx, signFileName, signFileNames,
  writeContactSheet, writeSignSet, writeSignSvgs,
} from './write.js';
