import { render } from 'preact';
import { downloadFile } from '../../components/download';
import { History, type HistoryApi } from '../../components/History';
import type { ExcelJs } from '../../lib/export/sheets';
import { storedLang } from '../store/lang';
import { history } from '../store/history';
import { dropBatch, loadBatch, runBatch, saveBatch } from './batch-runner';

const api: HistoryApi = {
  rows: () => history.rows(),
  records: (urls) => history.records(urls),
  remove: (url) => history.remove(url),
  clear: () => history.clear(),
  putMany: (records) => history.putMany(records),
  download: downloadFile,
  copy: (text) => navigator.clipboard.writeText(text),
  async excel() {
    const mod = (await import('exceljs')) as unknown as { default?: ExcelJs } & ExcelJs;
    return mod.default ?? mod;
  },
  confirm: (question) => window.confirm(question),
  batch: loadBatch,
  // one runner at a time, whichever history tab holds the lock
  async runBatch(onChange) {
    await navigator.locks.request('nianbao-batch', { ifAvailable: true }, async (lock) => {
      if (lock) await runBatch(onChange);
    });
  },
  async setBatchStatus(status) {
    const batch = await loadBatch();
    if (!batch) return null;
    const next = { ...batch, status };
    await saveBatch(next);
    return next;
  },
  dropBatch,
  getLang: storedLang,
};

render(<History api={api} />, document.getElementById('app')!);
