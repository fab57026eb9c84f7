import type { PopupApi } from '../../components/Popup';
import { LANG_KEY, type Lang, type Message, type ReportResponse } from '../../lib/messages';

/** The tab the popup speaks for: `popup.html?tabId=N` (tests), else the active tab. */
async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const q = new URLSearchParams(location.search).get('tabId');
  if (q) {
    const tab = await browser.tabs.get(Number(q)).catch(() => null);
    return { id: Number(q), url: tab?.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const send = async <T,>(tabId: number, msg: Message): Promise<T> => (await browser.tabs.sendMessage(tabId, msg)) as T;

export const extensionApi: PopupApi = {
  async load() {
    const tab = await targetTab();
    if (!tab) return { kind: 'cannot-check' };
    const onGov = !!tab.url && /^https?:\/\/([^/]+\.)?gov\.cn(:\d+)?\//i.test(tab.url);
    try {
      const response = await send<ReportResponse>(tab.id, { type: 'get-report' });
      if (!response || typeof response !== 'object') throw new Error('no answer');
      return { kind: 'response', tabId: tab.id, response };
    } catch {
      // no content script in the page: opened before install (gov.cn), or another site
      if (onGov) return { kind: 'refresh', tabId: tab.id };
      if (tab.url && !/^(https?|file):/i.test(tab.url)) return { kind: 'cannot-check' };
      return { kind: 'other-site', tabId: tab.id };
    }
  },
  async inject(tabId) {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    return send<ReportResponse>(tabId, { type: 'check-anyway' });
  },
  checkAnyway: (tabId) => send<ReportResponse>(tabId, { type: 'check-anyway' }),
  focus: (tabId, index) => send<boolean>(tabId, { type: 'focus-finding', index }),
  clearMarks: (tabId) => send<boolean>(tabId, { type: 'clear-marks' }),
  async getLang() {
    const stored = await browser.storage.local.get(LANG_KEY);
    return stored[LANG_KEY] === 'en' ? 'en' : 'zh';
  },
  async setLang(lang: Lang, tabId?: number) {
    await browser.storage.local.set({ [LANG_KEY]: lang });
    if (tabId !== undefined) await send(tabId, { type: 'set-lang', lang }).catch(() => undefined);
  },
  copy: (text) => navigator.clipboard.writeText(text),
  download(name, text) {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
};
