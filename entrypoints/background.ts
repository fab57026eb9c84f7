import type { BackgroundMessage, BackgroundResponse } from '../lib/messages';
import { analyzeForPage } from '../lib/page/analyze-for-page';

// MV3 `action`; Firefox's MV2 build has `browserAction`
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

function setBadge(tabId: number, msg: Extract<BackgroundMessage, { type: 'report-summary' }>) {
  const text =
    msg.status !== 'checked' ? '' : msg.errors ? String(msg.errors) : msg.warnings ? String(msg.warnings) : '✓';
  const color = msg.errors ? '#d93025' : msg.warnings ? '#e37400' : '#1e8e3e';
  void action().setBadgeText({ tabId, text });
  void action().setBadgeBackgroundColor({ tabId, color });
}

async function answer(
  msg: BackgroundMessage,
  tabId: number | undefined,
): Promise<BackgroundResponse<BackgroundMessage['type']>> {
  switch (msg.type) {
    case 'analyze':
      return analyzeForPage(msg.url, msg.content);
    case 'report-summary': {
      const tab = msg.tabId ?? tabId;
      if (tab !== undefined) setBadge(tab, msg);
      return;
    }
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((msg: BackgroundMessage, sender, sendResponse) => {
    answer(msg, sender.tab?.id).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
});
