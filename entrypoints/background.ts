import { ConverterBuilder } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import type { Message } from '../lib/messages';
import { charwise, type Converter } from '../lib/text/t2s';

export default defineBackground(() => {
  let t2s: Converter | undefined;

  browser.runtime.onMessage.addListener((msg: Message | { type: 't2s'; texts: string[] }, sender, sendResponse) => {
    if (msg.type === 't2s') {
      // traditional → simplified for the content script, so opencc never loads into pages
      t2s ??= charwise(ConverterBuilder(t2cn)({ from: 'tw', to: 'cn' }));
      sendResponse(msg.texts.map(t2s));
      return;
    }
    if (msg.type === 'report-summary' && sender.tab?.id !== undefined) {
      const tabId = sender.tab.id;
      const text = msg.status !== 'checked' ? '' : msg.errors ? String(msg.errors) : msg.warnings ? String(msg.warnings) : '✓';
      const color = msg.errors ? '#d93025' : msg.warnings ? '#e37400' : '#1e8e3e';
      // MV3 `action`; Firefox's MV2 build has `browserAction`
      const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
      void action.setBadgeText({ tabId, text });
      void action.setBadgeBackgroundColor({ tabId, color });
    }
  });
});
