import type { Message } from '../../lib/messages';
import { Session } from './session';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    // injected again by "check this page": one session per page
    const g = globalThis as { __nianbaoCheck?: Session };
    if (g.__nianbaoCheck) return;
    const auto = /(^|\.)gov\.cn$/i.test(location.hostname);
    const session = new Session(document, ctx);
    g.__nianbaoCheck = session;
    browser.runtime.onMessage.addListener((msg: Message, _sender, sendResponse) => {
      session.handle(msg).then(sendResponse, () => sendResponse(false));
      return true;
    });
    ctx.onInvalidated(() => session.clear());
    void session.start(auto).catch(() => undefined);
  },
});
