import { Session } from '../content/session';
import type { TabMessage } from '../../lib/messages';
import { SESSION_GLOBAL } from '../../lib/page-ids';

// The session of one page: answers the popup, reads through the background, shows the marks.
// Imported by the detector on report pages, injected by the popup on any other page it is asked about.
export default defineUnlistedScript(() => {
  const g = globalThis as Record<string, unknown>;
  if (g[SESSION_GLOBAL]) return;
  const session = new Session(document);
  g[SESSION_GLOBAL] = session;
  browser.runtime.onMessage.addListener((msg: TabMessage, _sender, sendResponse) => {
    session.handle(msg).then(sendResponse, () => sendResponse(false));
    return true;
  });
});
