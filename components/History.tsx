import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  type ExcelJs,
  findingsCsv,
  problemList,
  reportsCsv,
  reportsJsonl,
  reportsXlsx,
  type SheetReport,
} from '../lib/export/sheets';
import { type Batch, progressOf } from '../lib/batch/batch';
import { type HistoryRecord, type HistoryRow, migrate } from '../lib/history/record';
import type { Lang } from '../lib/messages';

/** What the history page needs from the browser; the extension's is in entrypoints/history, tests pass their own. */
export interface HistoryApi {
  /** the lines of the list */
  rows(): Promise<{ rows: HistoryRow[]; skipped: number }>;
  /** whole records, of these URLs or all */
  records(urls?: string[]): Promise<HistoryRecord[]>;
  remove(url: string): Promise<void>;
  clear(): Promise<void>;
  putMany(records: HistoryRecord[]): Promise<void>;
  download(name: string, data: string | Uint8Array, mime: string): void;
  copy(text: string): Promise<void>;
  /** exceljs, loaded only when a workbook is asked for */
  excel(): Promise<ExcelJs>;
  confirm(question: string): boolean;
  getLang(): Promise<Lang>;
  /** the stored batch ("检查本页链接的全部年报"), and running it (each change reported) */
  batch(): Promise<Batch | null>;
  runBatch(onChange: (batch: Batch) => void): Promise<void>;
  setBatchStatus(status: Batch['status']): Promise<Batch | null>;
  dropBatch(): Promise<void>;
}

const T = {
  zh: {
    title: '报告库',
    search: '搜索机关或标题',
    allYears: '全部年度',
    status: { all: '全部', errors: '有错误', warnings: '有警告', clean: '未发现问题' },
    shown: (n: number, all: number) => `显示 ${n} / 共 ${all} 份`,
    more: (n: number, left: number) => `再显示 ${n} 份（还有 ${left} 份）`,
    skipped: (n: number) => `（${n} 条记录无法读取，已略过）`,
    cols: ['机关', '年度', '模板', '错误', '警告', '核验时间', '比对上一年度', ''],
    open: '打开原页',
    copy: '复制问题清单',
    remove: '删除',
    removeAll: '全部删除',
    sureAll: '删除报告库中的全部记录？',
    backup: '备份 JSON',
    restore: '恢复备份',
    restored: (n: number, bad: number) => `已恢复 ${n} 份${bad ? `，${bad} 条无法读取` : ''}`,
    copied: '已复制',
    empty: '报告库为空：扩展检查过的年度报告会保存在这里（只在本机）。',
    batch: (source: string) => `批量检查：${source}`,
    batchProgress: (done: number, failed: number, total: number) =>
      `已完成 ${done + failed} / ${total}（失败 ${failed}）`,
    batchState: { running: '进行中', paused: '已暂停', cancelled: '已取消', finished: '已完成' },
    pause: '暂停',
    resume: '继续',
    cancel: '取消',
    dismiss: '关闭',
    failedList: '未能检查的链接',
  },
  en: {
    title: 'History',
    search: 'Search body or title',
    allYears: 'All years',
    status: { all: 'All', errors: 'With errors', warnings: 'With warnings', clean: 'No problems' },
    shown: (n: number, all: number) => `${n} shown of ${all}`,
    more: (n: number, left: number) => `Show ${n} more (${left} left)`,
    skipped: (n: number) => ` (${n} records could not be read and were left out)`,
    cols: ['Body', 'Year', 'Format', 'Errors', 'Warnings', 'Checked', 'Compared with', ''],
    open: 'Open',
    copy: 'Copy problems',
    remove: 'Delete',
    removeAll: 'Delete all',
    sureAll: 'Delete every record of the history?',
    backup: 'Back up (JSON)',
    restore: 'Restore',
    restored: (n: number, bad: number) => `${n} restored${bad ? `, ${bad} unreadable` : ''}`,
    copied: 'Copied',
    empty: 'The history is empty: the reports the extension checks are kept here (on this computer only).',
    batch: (source: string) => `Checking the reports linked from ${source}`,
    batchProgress: (done: number, failed: number, total: number) =>
      `${done + failed} of ${total} done (${failed} failed)`,
    batchState: { running: 'running', paused: 'paused', cancelled: 'cancelled', finished: 'finished' },
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    dismiss: 'Close',
    failedList: 'Links not checked',
  },
};

type SortKey = 'organ' | 'year' | 'format' | 'errors' | 'warnings' | 'checkedAt' | 'paired';
const sortValue = (r: HistoryRow, key: SortKey): string | number => {
  switch (key) {
    case 'organ':
      return r.organ ?? '';
    case 'year':
      return r.year ?? 0;
    case 'format':
      return r.format ?? '';
    case 'errors':
      return r.errors;
    case 'warnings':
      return r.warnings;
    case 'checkedAt':
      return r.checkedAt;
    case 'paired':
      return r.pairedYear ?? 0;
  }
};
const SORT_KEYS: SortKey[] = ['organ', 'year', 'format', 'errors', 'warnings', 'checkedAt', 'paired'];

const PAGE = 100;

const sheetItems = (records: HistoryRecord[]): SheetReport[] =>
  records.map((r) => ({ report: r.report, url: r.url, checkedAt: r.checkedAt }));

/** The history page: every report checked, filtered, sorted, exported; one row per report. */
export function History({ api }: { api: HistoryApi }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [data, setData] = useState<{ rows: HistoryRow[]; skipped: number } | null>(null);
  const [query, setQuery] = useState('');
  const [year, setYear] = useState('');
  const [status, setStatus] = useState<keyof (typeof T)['zh']['status']>('all');
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'checkedAt', desc: true });
  const [toast, setToast] = useState('');
  // rows on the page: a long history is listed a hundred at a time, so that it is usable at once
  const [limit, setLimit] = useState(PAGE);
  const t = T[lang];
  // one formatter for every row: making one per date costs more than the rest of the row
  const when = useMemo(
    () => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' }),
    [lang],
  );
  const reload = () => api.rows().then(setData);
  const [batch, setBatch] = useState<Batch | null>(null);
  const run = () =>
    void api.runBatch((b) => {
      setBatch(b);
      void reload();
    });
  useEffect(() => {
    void api.getLang().then(setLang, () => undefined);
    void reload();
    // a batch left running (the tab was closed, the browser restarted) goes on where it was
    void api.batch().then((b) => {
      setBatch(b);
      if (b?.status === 'running') run();
    });
  }, []);
  const changeBatchStatus = async (status: Batch['status']) => {
    const b = await api.setBatchStatus(status);
    setBatch(b);
    if (status === 'running') run();
  };
  useEffect(() => {
    if (data) performance.mark('nianbao:history-shown');
  }, [data]);
  if (!data) performance.mark('nianbao:history-start');

  const records = data?.rows ?? [];
  const years = useMemo(
    () => [...new Set(records.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => b - a),
    [records],
  );
  const shown = useMemo(() => {
    const q = query.trim();
    const out = records.filter((r) => {
      if (q && !`${r.organ ?? ''} ${r.title ?? ''} ${r.url}`.includes(q)) return false;
      if (year && String(r.year) !== year) return false;
      if (status === 'errors') return r.errors > 0;
      if (status === 'warnings') return r.warnings > 0;
      if (status === 'clean') return r.errors === 0 && r.warnings === 0;
      return true;
    });
    const dir = sort.desc ? -1 : 1;
    return out.sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      return (x < y ? -1 : x > y ? 1 : 0) * dir;
    });
  }, [records, query, year, status, sort]);

  const say = (text: string) => {
    setToast(text);
    setTimeout(() => setToast(''), 2500);
  };
  const stamp = new Date().toISOString().slice(0, 10);
  // the whole records of the rows shown, in their order: read only when something is exported
  const shownRecords = () => api.records(shown.map((r) => r.url)).then(sheetItems);
  const exports = {
    csv: async () => {
      const items = await shownRecords();
      api.download(`年报核验-报告-${stamp}.csv`, reportsCsv(items), 'text/csv');
      api.download(`年报核验-问题-${stamp}.csv`, findingsCsv(items), 'text/csv');
    },
    xlsx: async () =>
      api.download(
        `年报核验-${stamp}.xlsx`,
        await reportsXlsx(await api.excel(), await shownRecords()),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    jsonl: async () =>
      api.download(`年报核验-${stamp}.jsonl`, reportsJsonl(await shownRecords()), 'application/x-ndjson'),
    backup: async () =>
      api.download(`年报核验-报告库-${stamp}.json`, JSON.stringify(await api.records()), 'application/json'),
  };
  const restore = async (file: File) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      raw = null;
    }
    const list = Array.isArray(raw) ? raw : [];
    const good = list.map(migrate).filter((r): r is HistoryRecord => !!r);
    await api.putMany(good);
    // a file that is not a list of records counts as one unreadable
    say(t.restored(good.length, Array.isArray(raw) ? list.length - good.length : 1));
    await reload();
  };

  return (
    <>
      <header>
        <h1>{t.title}</h1>
        <input
          type="search"
          placeholder={t.search}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          data-testid="search"
        />
        <select value={year} onChange={(e) => setYear((e.target as HTMLSelectElement).value)} data-testid="year">
          <option value="">{t.allYears}</option>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
        <select
          value={status}
          onChange={(e) => setStatus((e.target as HTMLSelectElement).value as typeof status)}
          data-testid="status"
        >
          {Object.entries(t.status).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <span class="count" data-testid="count">
          {t.shown(shown.length, records.length)}
          {data?.skipped ? t.skipped(data.skipped) : ''}
        </span>
        <button type="button" onClick={() => void exports.csv()} data-testid="export-csv">
          CSV
        </button>
        <button type="button" onClick={() => void exports.xlsx()} data-testid="export-xlsx">
          XLSX
        </button>
        <button type="button" onClick={() => void exports.jsonl()} data-testid="export-jsonl">
          JSON Lines
        </button>
        <button type="button" onClick={() => void exports.backup()} data-testid="backup">
          {t.backup}
        </button>
        <label>
          <button type="button" onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement).click()}>
            {t.restore}
          </button>
          <input
            type="file"
            accept="application/json,.json"
            hidden
            data-testid="restore"
            onChange={(e) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void restore(file);
            }}
          />
        </label>
        <button
          type="button"
          class="danger"
          data-testid="remove-all"
          onClick={() => api.confirm(t.sureAll) && void api.clear().then(reload)}
        >
          {t.removeAll}
        </button>
        <span class="toast" role="status" data-testid="toast">
          {toast}
        </span>
      </header>
      <main>
        {batch && (
          <BatchPanel
            batch={batch}
            t={t}
            onStatus={changeBatchStatus}
            onDismiss={() => void api.dropBatch().then(() => setBatch(null))}
          />
        )}
        {data && !records.length ? (
          <p data-testid="empty">{t.empty}</p>
        ) : (
          <table data-testid="history">
            <thead>
              <tr>
                {t.cols.map((label, i) => (
                  <th
                    key={label || i}
                    onClick={() =>
                      SORT_KEYS[i] &&
                      setSort((s) => ({ key: SORT_KEYS[i], desc: s.key === SORT_KEYS[i] ? !s.desc : true }))
                    }
                  >
                    {label}
                    {SORT_KEYS[i] === sort.key ? (sort.desc ? ' ▼' : ' ▲') : ''}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.slice(0, limit).map((r) => (
                <tr key={r.url} data-url={r.url}>
                  <td title={r.title ?? ''}>{r.organ ?? r.title ?? r.url}</td>
                  <td class="num">{r.year ?? ''}</td>
                  <td>{r.format ?? ''}</td>
                  <td class={`num ${r.errors ? 'bad' : ''}`}>{r.errors}</td>
                  <td class={`num ${r.warnings ? 'warn' : ''}`}>{r.warnings}</td>
                  <td>{when.format(new Date(r.checkedAt))}</td>
                  <td>{r.pairedYear ?? ''}</td>
                  <td>
                    {/^https?:/i.test(r.url) && (
                      <a href={r.url} target="_blank" rel="noopener noreferrer">
                        {t.open}
                      </a>
                    )}{' '}
                    <button
                      type="button"
                      onClick={() =>
                        void api
                          .records([r.url])
                          .then(
                            ([whole]) =>
                              whole &&
                              api.copy(problemList({ report: whole.report, url: r.url, checkedAt: r.checkedAt })),
                          )
                          .then(() => say(t.copied))
                      }
                    >
                      {t.copy}
                    </button>{' '}
                    <button
                      type="button"
                      class="danger"
                      data-testid="remove"
                      onClick={() => void api.remove(r.url).then(reload)}
                    >
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {shown.length > limit && (
          <button type="button" data-testid="more" onClick={() => setLimit((l) => l + PAGE)}>
            {t.more(Math.min(PAGE, shown.length - limit), shown.length - limit)}
          </button>
        )}
      </main>
    </>
  );
}

function BatchPanel({
  batch,
  t,
  onStatus,
  onDismiss,
}: {
  batch: Batch;
  t: (typeof T)['zh'];
  onStatus(status: Batch['status']): void;
  onDismiss(): void;
}) {
  const p = progressOf(batch);
  const failed = batch.items.filter((i) => i.state === 'failed');
  const lang = t === T.zh ? 'zh' : 'en';
  return (
    <section class="batch" data-testid="batch-panel" data-status={batch.status}>
      <div>
        <strong>{t.batch(batch.source)}</strong> · {t.batchState[batch.status]}
      </div>
      <progress max={p.total} value={p.done + p.failed} data-testid="batch-progress" />{' '}
      <span data-testid="batch-count">{t.batchProgress(p.done, p.failed, p.total)}</span>{' '}
      {batch.status === 'running' && (
        <button type="button" data-testid="batch-pause" onClick={() => onStatus('paused')}>
          {t.pause}
        </button>
      )}
      {batch.status === 'paused' && (
        <button type="button" data-testid="batch-resume" onClick={() => onStatus('running')}>
          {t.resume}
        </button>
      )}
      {(batch.status === 'running' || batch.status === 'paused') && (
        <button type="button" class="danger" data-testid="batch-cancel" onClick={() => onStatus('cancelled')}>
          {t.cancel}
        </button>
      )}
      {(batch.status === 'finished' || batch.status === 'cancelled') && (
        <button type="button" onClick={onDismiss}>
          {t.dismiss}
        </button>
      )}
      {failed.length > 0 && (
        <details open>
          <summary>{t.failedList}</summary>
          <ul data-testid="batch-failed">
            {failed.map((i) => (
              <li key={i.url}>
                <a href={i.url} target="_blank" rel="noopener noreferrer">
                  {i.text}
                </a>
                ：{i.reason?.[lang]}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
