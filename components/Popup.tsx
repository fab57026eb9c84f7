import { useEffect, useMemo, useState } from 'preact/hooks';
import { reportToLayoutTsv } from '../lib/export';
import { severityByCell } from '../lib/findings';
import type { Lang, ReportResponse } from '../lib/messages';
import { Report } from '../lib/model';
import { Figures } from './Figures';
import { MESSAGES } from './i18n';

export type LoadResult =
  | { kind: 'response'; tabId: number; response: ReportResponse }
  | { kind: 'refresh'; tabId: number }
  | { kind: 'other-site'; tabId: number }
  | { kind: 'cannot-check' };

/** What the popup needs from the browser; the extension's is in entrypoints/popup/api.ts, tests pass their own. */
export interface PopupApi {
  load(): Promise<LoadResult>;
  inject(tabId: number): Promise<ReportResponse>;
  checkAnyway(tabId: number): Promise<ReportResponse>;
  focus(tabId: number, index: number): Promise<boolean>;
  clearMarks(tabId: number): Promise<boolean>;
  getLang(): Promise<Lang>;
  setLang(lang: Lang, tabId?: number): Promise<void>;
  copy(text: string): Promise<void>;
  download(name: string, text: string): void;
}

export function Popup({ api }: { api: PopupApi }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [state, setState] = useState<LoadResult | null>(null);
  const [toast, setToast] = useState('');
  const [showPassed, setShowPassed] = useState(false);
  const t = MESSAGES[lang];

  useEffect(() => {
    void api.getLang().then(setLang, () => undefined);
    void api.load().then(setState, () => setState({ kind: 'cannot-check' }));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const tabId = state && 'tabId' in state ? state.tabId : undefined;
  const report = state?.kind === 'response' ? state.response.report : null;
  const say = (text: string) => {
    setToast(text);
    setTimeout(() => setToast(''), 2000);
  };
  const run = async (fn: () => Promise<ReportResponse>) => {
    if (tabId === undefined) return;
    setState(null);
    try {
      setState({ kind: 'response', tabId, response: await fn() });
    } catch {
      setState({ kind: 'cannot-check' });
    }
  };

  const severityOf = useMemo(() => severityByCell(report?.findings ?? []), [report]);

  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    setLang(next);
    void api.setLang(next, tabId);
  };

  const header = (
    <header>
      <h1>{t.appName}</h1>
      <span class="meta" data-testid="report-meta">
        {report
          ? [
              report.organ ?? t.organUnknown,
              report.year ? t.year(report.year) : '',
              report.format ? t.format(report.format) : '',
            ]
              .filter(Boolean)
              .join(' · ')
          : ''}
        {report?.publisher && report.publisher !== report.organ && (
          <span class="publisher" data-testid="report-publisher">
            {' '}
            {t.publishedBy(report.publisher)}
          </span>
        )}
      </span>
      <button type="button" onClick={switchLang} data-testid="lang">
        {t.language}
      </button>
    </header>
  );

  if (!state)
    return (
      <>
        {header}
        <main>
          <p>{t.loading}</p>
        </main>
      </>
    );
  if (state.kind === 'cannot-check')
    return (
      <>
        {header}
        <main>
          <p class="notice">{t.cannotCheck}</p>
        </main>
      </>
    );
  if (state.kind === 'refresh')
    return (
      <>
        {header}
        <main>
          <p class="notice" data-testid="refresh">
            {t.refresh}
          </p>
        </main>
      </>
    );
  if (state.kind === 'other-site') {
    return (
      <>
        {header}
        <main>
          <p class="notice">{t.otherSite}</p>
          <button
            type="button"
            class="primary"
            data-testid="check-this-page"
            onClick={() => run(() => api.inject(state.tabId))}
          >
            {t.checkThisPage}
          </button>
        </main>
      </>
    );
  }
  const response = state.response;
  if (
    !report &&
    response.skipped &&
    response.skippedBecause &&
    !['not-detected', 'not-examined'].includes(response.skippedBecause)
  ) {
    return (
      <>
        {header}
        <main>
          <p class="notice" data-testid="status-notice">
            <strong>{t.readError}</strong>
            <br />
            {response.skipped[lang]}
          </p>
          <button type="button" data-testid="check-anyway" onClick={() => run(() => api.checkAnyway(state.tabId))}>
            {t.tryAgain}
          </button>
        </main>
      </>
    );
  }
  if (!report || report.status === 'not-a-report') {
    const reason = report?.reason ?? response.skipped;
    return (
      <>
        {header}
        <main>
          <p
            class="notice"
            data-testid={response.skippedBecause === 'not-examined' && !report ? 'not-examined' : 'not-a-report'}
          >
            <strong>{response.skippedBecause === 'not-examined' && !report ? t.notExamined : t.notReport}</strong>
            <br />
            {reason?.[lang]}
          </p>
          <button
            type="button"
            class="primary"
            data-testid="check-anyway"
            onClick={() => run(() => api.checkAnyway(state.tabId))}
          >
            {t.checkAnyway}
          </button>
        </main>
      </>
    );
  }
  const json = () => JSON.stringify(Report.parse(report), null, 2);
  const copyJson = (
    <button
      type="button"
      class="primary"
      data-testid="copy-json"
      onClick={() => api.copy(json()).then(() => say(t.copied))}
    >
      {t.copyJson}
    </button>
  );
  if (report.status !== 'checked') {
    return (
      <>
        {header}
        <main>
          {report.title && (
            <div class="title" data-testid="report-title">
              {report.title}
            </div>
          )}
          <p class="notice" data-testid="status-notice">
            <strong>{report.status === 'older-format' ? t.olderFormat : t.readError}</strong>
            <br />
            {report.reason?.[lang]}
          </p>
          {report.attachments && report.attachments.length > 0 && (
            <ul class="attachments" data-testid="attachments">
              {report.attachments
                .filter((a) => /^https?:/i.test(a.href))
                .map((a) => (
                  <li key={a.href}>
                    <a href={a.href} target="_blank" rel="noopener noreferrer">
                      {a.text || a.href}
                    </a>
                  </li>
                ))}
            </ul>
          )}
          <div class="actions">
            {copyJson}
            <span class="toast" role="status" data-testid="toast">
              {toast}
            </span>
          </div>
        </main>
      </>
    );
  }

  const s = report.summary;
  const failing = report.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'fail');
  const unchecked = report.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'unchecked');
  const passed = report.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'pass');
  const item = ({ f, i }: { f: Report['findings'][number]; i: number }) => (
    <li key={i} class={f.status === 'fail' ? f.severity : f.status} data-rule={f.rule}>
      <button type="button" onClick={() => tabId !== undefined && api.focus(tabId, i)}>
        <span class="rule">{f.rule}</span>
        {f.message[lang]}
      </button>
    </li>
  );
  return (
    <>
      {header}
      <main>
        {report.title && (
          <div class="title" data-testid="report-title">
            {report.title}
          </div>
        )}
        <div class="summary" data-testid="summary">
          <span class={s.errors ? 'bad' : 'ok'}>
            {s.errors} {t.errors}
          </span>
          <span class={s.warnings ? 'warn' : 'ok'}>
            {s.warnings} {t.warnings}
          </span>
          <span>
            {s.unchecked} {t.unchecked}
          </span>
          <span class="ok">
            {s.passed} {t.passed}
          </span>
        </div>
        <div class="diag">{t.cellsSummary(s.cellsRead, s.cellsBlank, s.cellsUnreadable)}</div>
        <div class="actions">
          {copyJson}
          <button
            type="button"
            data-testid="copy-tsv"
            onClick={() => api.copy(reportToLayoutTsv(report, lang)).then(() => say(t.copied))}
          >
            {t.copyTable}
          </button>
          <button
            type="button"
            data-testid="download-json"
            onClick={() => api.download(`${report.organ ?? 'report'}-${report.year ?? ''}.json`, json())}
          >
            {t.downloadJson}
          </button>
          <button
            type="button"
            data-testid="clear-marks"
            onClick={() => tabId !== undefined && api.clearMarks(tabId).then(() => say(t.marksCleared))}
          >
            {t.clearMarks}
          </button>
          <span class="toast" role="status" data-testid="toast">
            {toast}
          </span>
        </div>
        <h2>{t.checks}</h2>
        <ul class="findings" data-testid="findings">
          {failing.map(item)}
          {unchecked.map(item)}
          {showPassed && passed.map(item)}
        </ul>
        {!showPassed && passed.length > 0 && (
          <button type="button" onClick={() => setShowPassed(true)}>
            {t.showPassed(passed.length)}
          </button>
        )}
        {report.diagnostics.length > 0 && (
          <>
            <h2>{t.diagnostics}</h2>
            <ul class="diag">
              {report.diagnostics.map((d, i) => (
                <li key={i}>{d.message[lang]}</li>
              ))}
            </ul>
          </>
        )}
        <h2>{t.figures}</h2>
        <Figures report={report} lang={lang} severityOf={severityOf} />
      </main>
    </>
  );
}
