import { BATCH_KEY, newBatch } from '../../lib/batch/batch';
import { nextPageLink, reportLinks } from '../../lib/batch/links';
import { isPdfUrl, sitePattern } from '../../lib/detect';
import { bodyKey } from '../../lib/history/body';
import { PAGE_UI_FILE } from '../../lib/page-ids';
import { history } from '../store/history';
import { storedLang } from '../store/lang';
import { readPdf } from './pdf';
import { downloadFile } from '../../components/download';
import type { PopupApi } from '../../components/Popup';
import {
  isGovHost,
  LANG_KEY,
  type Lang,
  PAIRING_KEY,
  reportResponseOf,
  type MessageFor,
  type TabProtocol,
  type TabResponse,
} from '../../lib/messages';

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

/** A message to the content script of a tab, answered as the protocol says. */
const send = async <K extends keyof TabProtocol>(
  tabId: number,
  msg: MessageFor<TabProtocol, K>,
): Promise<TabResponse<K>> => browser.tabs.sendMessage(tabId, msg);
const onGovSite = (url: string) => {
  try {
    const { hostname, protocol } = new URL(url);
    return /^https?:$/.test(protocol) && isGovHost(hostname);
  } catch {
    return false;
  }
};

/** The page-UI module (session, marks, banner) into the tab: the popup's click granted activeTab for it. */
const injectPageUi = (tabId: number) => browser.scripting.executeScript({ target: { tabId }, files: [PAGE_UI_FILE] });

const checkAnyway = async (tabId: number) => reportResponseOf(await send(tabId, { type: 'check-anyway' }));

export const extensionApi: PopupApi = {
  async load() {
    const tab = await targetTab();
    if (!tab) return { kind: 'cannot-check' };
    const onGov = !!tab.url && onGovSite(tab.url);
    // a PDF open in the tab: Chrome's viewer cannot be scripted; the file itself can be read
    if (tab.url && /^https?:/i.test(tab.url) && isPdfUrl(tab.url))
      return { kind: 'pdf-tab', tabId: tab.id, url: tab.url };
    const ask = async () => {
      const response = await send(tab.id, { type: 'get-report' });
      if (!response || typeof response !== 'object') throw new Error('no answer');
      return { kind: 'response' as const, tabId: tab.id, response: reportResponseOf(response) };
    };
    try {
      return await ask();
    } catch {
      // No session in the page: on gov.cn the detector found no report (it keeps no listener, to
      // cost such pages nothing), or the page was opened before install; elsewhere, nothing runs.
      if (onGov) {
        try {
          await injectPageUi(tab.id);
          return await ask();
        } catch {
          return { kind: 'refresh', tabId: tab.id };
        }
      }
      if (tab.url && !/^(https?|file):/i.test(tab.url)) return { kind: 'cannot-check' };
      return { kind: 'other-site', tabId: tab.id };
    }
  },
  async inject(tabId) {
    await injectPageUi(tabId);
    return checkAnyway(tabId);
  },
  checkAnyway,
  readPdf,
  focus: (tabId, index) => send(tabId, { type: 'focus-finding', index }),
  clearMarks: (tabId) => send(tabId, { type: 'clear-marks' }),
  getLang: storedLang,
  async setLang(lang: Lang, tabId?: number) {
    await browser.storage.local.set({ [LANG_KEY]: lang });
    if (tabId !== undefined) await send(tabId, { type: 'set-lang', lang }).catch(() => undefined);
  },
  copy: (text) => navigator.clipboard.writeText(text),
  async pairingChoices(report) {
    const { rows } = await history.rows();
    const key = bodyKey(report.organ);
    return rows
      .filter(
        (r) => report.year !== null && r.year === report.year - 1 && r.status === 'checked' && r.url !== report.source,
      )
      .sort((a, b) => Number(bodyKey(b.organ) === key) - Number(bodyKey(a.organ) === key))
      .map((r) => ({ url: r.url, label: `${r.title ?? r.organ ?? r.url}（${r.year}）` }));
  },
  async setPairing(tabId, url, previous) {
    const chosen = ((await browser.storage.local.get(PAIRING_KEY))[PAIRING_KEY] ?? {}) as Record<string, string | null>;
    if (previous === undefined) delete chosen[url];
    else chosen[url] = previous;
    await browser.storage.local.set({ [PAIRING_KEY]: chosen });
    return checkAnyway(tabId);
  },
  async startBatch(tabId, followPages) {
    const page = await send(tabId, { type: 'page-links' });
    const links = reportLinks(page.links, page.url);
    if (!links.length) return 'none';
    // the sites those pages are on, each asked for at this click (a match pattern names no port)
    const sites = [...new Set([page.url, ...links.map((l) => l.href)].map(sitePattern))];
    const granted = await browser.permissions.request({ origins: sites }).catch(() => false);
    if (!granted) return 'denied';
    await browser.storage.local.set({
      [BATCH_KEY]: newBatch(page.url, links, followPages ? nextPageLink(page.links, page.url) : null, followPages),
    });
    await browser.tabs.create({ url: browser.runtime.getURL('/history.html') });
    return 'started';
  },
  openHistory() {
    void browser.tabs.create({ url: browser.runtime.getURL('/history.html') });
    window.close();
  },
  download: (name, text) => downloadFile(name, text, 'application/json'),
};
