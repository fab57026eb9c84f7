import { MARKER_GLOBAL, type MarkerApi } from '../content/marker-api';
import { showMarks } from '../content/mark-view';

// Loaded by the content script with import() on report pages only, into the same isolated world:
// the marks, the banner and Preact never load on the pages that are not reports.
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[MARKER_GLOBAL] = { show: showMarks } satisfies MarkerApi;
});
