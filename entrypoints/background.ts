import { ConverterBuilder } from 'opencc-js/core';
import * as t2cn from 'opencc-js/preset/t2cn';
import type { Message } from '../lib/messages';

export default defineBackground(() => {
  let t2s: ((s: string) => string) | undefined;

  browser.runtime.onMessage.addListener((msg: Message | { type: 't2s'; texts: string[] }, sender, sendResponse) => {
    if (msg.type === 't2s') {
      // traditional → simplified for the content script; character for character so positions hold
      t2s ??= ConverterBuilder(t2cn)({ from: 'tw', to: 'cn' });
      const convert = t2s;
      sendResponse(msg.texts.map((text) => {
        const out = convert(text);
        return out.length === text.length ? out : Array.from(text, (ch) => convert(ch)).join('');
      }));
      return;
    }
    if (msg.type === 'report-summary' && sender.tab?.id !== undefined) {
      const tabId = sender.tab.id;
      const text = msg.status !== 'checked' ? '' : msg.errors ? String(msg.errors) : msg.warnings ? String(msg.warnings) : '✓';
      const color = msg.errors ? '#d93025' : msg.warnings ? '#e37400' : '#1e8e3e';
      void browser.action.setBadgeText({ tabId, text });
      void browser.action.setBadgeBackgroundColor({ tabId, color });
    }
  });
});
