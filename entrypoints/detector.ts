import { DETECTOR_RAN, PAGE_UI_FILE, SESSION_GLOBAL } from '../lib/page-ids';
import { looksLikeReport } from './content/page';
import { counted } from './content/counted';

// The content script on every gov.cn page, kept to what deciding "not a report" needs: no WXT
// context, no message listener, no UI. On a report it imports the page-UI module (session, marks,
// banner) into this isolated world and starts it; the popup injects that module itself elsewhere.
// Measured from outside, WXT's content-script context alone costs a page 2–3 ms of main thread; so
// does the first touch of any element (hence no `location` check: the manifest's match is gov.cn).

const LATE_CONTENT_MS = 10_000;
const RECHECK_DELAY_MS = 500;

interface StartableSession {
  run(): Promise<void>;
}

// The extension API, looked up only when a report needs it: touching it costs a page ≈ 1 ms.
type Runtime = { id?: string; getURL(path: string): string };
const runtime = (): Runtime | undefined =>
  (
    (globalThis as { browser?: { runtime?: Runtime } }).browser ??
    (globalThis as { chrome?: { runtime?: Runtime } }).chrome
  )?.runtime;

const sessionOf = () => (globalThis as Record<string, unknown>)[SESSION_GLOBAL] as StartableSession | undefined;

async function startReader(): Promise<void> {
  const api = runtime();
  if (!api?.id) return; // the extension was reloaded: this script is an orphan
  if (!sessionOf()) await import(/* @vite-ignore */ api.getURL(PAGE_UI_FILE));
  await sessionOf()?.run();
}

/**
 * Some CMSs fill the article after load: look again when the page changes, at most twice a second
 * and for ten seconds only, so a page that never stops changing costs next to nothing.
 */
function watchForLateContent() {
  let scheduled = false;
  let observer: MutationObserver | null = null;
  const stop = () => {
    observer?.disconnect();
    observer = null;
  };
  try {
    observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        if (!observer || !runtime()?.id) return stop();
        counted('recheck');
        if (looksLikeReport(document)) {
          stop();
          void startReader().catch(() => undefined);
        }
      }, RECHECK_DELAY_MS);
    });
    // the document itself, not its root element: no element is touched until a change comes
    observer.observe(document, { childList: true, subtree: true });
    setTimeout(stop, LATE_CONTENT_MS);
  } catch {
    stop();
  }
}

export default defineUnlistedScript(() => {
  if (sessionOf()) return;
  (globalThis as Record<string, unknown>)[DETECTOR_RAN] = true;
  // no performance mark here: the Performance API's first touch alone costs a page ≈ 0.4 ms
  if (looksLikeReport(document)) void startReader().catch(() => undefined);
  else watchForLateContent();
});
