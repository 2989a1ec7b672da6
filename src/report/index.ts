/** The review page of `diming run` (report.html): map + findings, one self-contained file. */
export { type ReviewCheck, type ReviewFile, type ReviewMeta, type ReviewRoad, REVIEW_COLORS, esc, mapRoads, renderReviewPage, scriptJson } from './review.js';
export { MAP_SCRIPT } from './map-client.js';
