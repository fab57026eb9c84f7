/** Where the content script and the page-UI module meet in the extension's isolated world. */
export const SESSION_GLOBAL = '__nianbaoCheck';
/** The page-UI module: the session, the marks and the banner. Loaded on report pages and on request only. */
export const PAGE_UI_FILE = '/page-ui.js';
/** Set by the detector once it has looked at the page (so the session can tell "not a report" from "not looked at"). */
export const DETECTOR_RAN = '__nianbaoDetected';
/** How often the session read the page and the detector looked again (entrypoints/content/counted.ts). */
export const COUNTS_GLOBAL = '__nianbaoCounts';
