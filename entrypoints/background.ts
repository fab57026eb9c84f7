import { changeSince, recordOf } from '../lib/history/record';
import type { AnalyzeResult, BackgroundMessage, BackgroundResponse, PageContent } from '../lib/messages';
import type { Report } from '../lib/model';
import { analyzeForPage } from '../lib/page/analyze-for-page';
import { pageAnalysisOf } from '../components/page-view';
import { history } from './store/history';
import { storedLang } from './store/lang';

// MV3 `action`; Firefox's MV2 build has `browserAction`
const action = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;

function setBadge(tabId: number, msg: { errors: number; warnings: number; status: string }) {
  const text =
    msg.status !== 'checked' ? '' : msg.errors ? String(msg.errors) : msg.warnings ? String(msg.warnings) : '✓';
  const color = msg.errors ? '#d93025' : msg.warnings ? '#e37400' : '#1e8e3e';
  void action().setBadgeText({ tabId, text });
  void action().setBadgeBackgroundColor({ tabId, color });
}

/**
 * Reads and checks a page, pairs it with the same body's previous year in the history (the
 * cross-year checks then run), keeps it in the history and says whether it changed since the last
 * check. The history failing (storage full, a private window) never stops the check itself.
 */
async function analyzeAndKeep(url: string, content: PageContent): Promise<AnalyzeResult> {
  const previousFor = (report: Report) => history.previousFor(url, report).catch(() => null);
  const result = await analyzeForPage(url, content, previousFor);
  if (result.report.status !== 'checked') return result;
  try {
    const record = recordOf(url, result.report, content.kind === 'html' ? content.html : content.text);
    const changed = changeSince(await history.get(url), record);
    await history.put(record);
    return changed ? { ...result, changed } : result;
  } catch {
    return result;
  }
}

async function answer(
  msg: BackgroundMessage,
  tabId: number | undefined,
): Promise<BackgroundResponse<BackgroundMessage['type']>> {
  switch (msg.type) {
    case 'analyze':
      return analyzeAndKeep(msg.url, msg.content);
    case 'analyze-page': {
      // the badge and the language come with the answer: the page sends and awaits nothing more
      const [view, lang] = await Promise.all([
        analyzeAndKeep(msg.url, msg.content).then(pageAnalysisOf),
        storedLang().catch(() => 'zh' as const),
      ]);
      if (tabId !== undefined) setBadge(tabId, { ...view.summary, status: view.status });
      return { ...view, lang };
    }
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
