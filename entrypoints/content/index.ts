import type { TabMessage } from '../../lib/messages';
import { GOV_MATCH, isGovHost } from '../../lib/messages';
import { Session } from './session';

export default defineContentScript({
  matches: [GOV_MATCH],
  runAt: 'document_idle',
  main(ctx) {
    // injected again by "check this page": one session per page
    const g = globalThis as { __nianbaoCheck?: Session };
    if (g.__nianbaoCheck) return;
    const session = new Session(document, ctx);
    g.__nianbaoCheck = session;
    browser.runtime.onMessage.addListener((msg: TabMessage, _sender, sendResponse) => {
      session.handle(msg).then(sendResponse, () => sendResponse(false));
      return true;
    });
    ctx.onInvalidated(() => session.clear());
    if (isGovHost(location.hostname)) session.start();
  },
});
