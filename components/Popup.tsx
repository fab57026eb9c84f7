import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { problemList } from '../lib/export/sheets';
import { reportToLayoutTsv } from '../lib/export/tsv';
import { isPdfUrl } from '../lib/detect';
import { severityByCell } from '../lib/findings';
import type { Lang, ReportResponse } from '../lib/messages';
import { Report } from '../lib/model';
import { cellName } from '../lib/checks/names';
import { Figures } from './Figures';
import { MESSAGES } from './i18n';

export type LoadResult =
  /** `pdf`: the report was read from this PDF (an attachment, or the tab's own file), not from the page */
  | { kind: 'response'; tabId: number; response: ReportResponse; pdf?: string }
  | { kind: 'pdf-tab'; tabId: number; url: string }
  | { kind: 'pdf-failed'; tabId: number; url: string; reason: PdfFailure; detail: string }
  | { kind: 'refresh'; tabId: number }
  | { kind: 'other-site'; tabId: number }
  | { kind: 'cannot-check' };

export type PdfFailure = 'permission' | 'fetch' | 'unreadable' | 'reader';

/** What the popup needs from the browser; the extension's is in entrypoints/popup/api.ts, tests pass their own. */
export interface PopupApi {
  /** reads a PDF report (asking for its site's permission at this click); rejects with `{ reason, message }` */
  readPdf(url: string, tabId: number): Promise<Report>;
  load(): Promise<LoadResult>;
  inject(tabId: number): Promise<ReportResponse>;
  checkAnyway(tabId: number): Promise<ReportResponse>;
  focus(tabId: number, index: number): Promise<boolean>;
  clearMarks(tabId: number): Promise<boolean>;
  getLang(): Promise<Lang>;
  setLang(lang: Lang, tabId?: number): Promise<void>;
  copy(text: string): Promise<void>;
  download(name: string, text: string): void;
  /** opens the history page (报告库) */
  openHistory(): void;
  /** the history's reports of the year before this one's, to compare with (the same body's first) */
  pairingChoices(report: Report): Promise<{ url: string; label: string }[]>;
  /** compares the page's report with `previous` (a history URL), with none (null), or lets it pair by itself (undefined); then checks it again */
  setPairing(tabId: number, url: string, previous: string | null | undefined): Promise<ReportResponse>;
  /** checks every report the tab's page links to, in the history page: 'started', or why not */
  startBatch(tabId: number, followPages: boolean): Promise<'started' | 'none' | 'denied'>;
}

type Messages = (typeof MESSAGES)[Lang];

/** What every view of the popup is given. */
interface ViewProps {
  api: PopupApi;
  lang: Lang;
  t: Messages;
  tabId: number;
  /** replaces the view with the answer of a call to the page (check anyway, check this page) */
  run(fn: () => Promise<ReportResponse>): void;
  /** replaces the view with a PDF's report */
  readPdf(url: string): void;
  /** the PDF the report shown was read from */
  pdf?: string;
  /** the page changed since the history's earlier check */
  changed?: ReportResponse['changed'];
  say(text: string): void;
  toast: string;
}

export function Popup({ api }: { api: PopupApi }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [state, setState] = useState<LoadResult | null>(null);
  const [toast, setToast] = useState('');
  const [readingPdf, setReadingPdf] = useState(false);
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
  const view: Omit<ViewProps, 'tabId'> = {
    api,
    lang,
    t,
    toast,
    say(text) {
      setToast(text);
      setTimeout(() => setToast(''), 2000);
    },
    async run(fn) {
      if (tabId === undefined) return;
      setState(null);
      try {
        setState({ kind: 'response', tabId, response: await fn() });
      } catch {
        setState({ kind: 'cannot-check' });
      }
    },
    async readPdf(url) {
      if (tabId === undefined) return;
      setState(null);
      setReadingPdf(true);
      try {
        const report = await api.readPdf(url, tabId);
        setState({ kind: 'response', tabId, response: { url, report, marked: 0 }, pdf: url });
      } catch (error) {
        const { reason, message } = error as { reason?: PdfFailure; message?: string };
        setState({ kind: 'pdf-failed', tabId, url, reason: reason ?? 'reader', detail: message ?? String(error) });
      } finally {
        setReadingPdf(false);
      }
    },
  };
  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    setLang(next);
    void api.setLang(next, tabId);
  };
  return (
    <>
      <Header report={report} t={t} onSwitchLang={switchLang} onOpenHistory={() => api.openHistory()} />
      <main>{readingPdf ? <p data-testid="reading-pdf">{t.readingPdf}</p> : <Body state={state} view={view} />}</main>
    </>
  );
}

function Header({
  report,
  t,
  onSwitchLang,
  onOpenHistory,
}: {
  report: Report | null;
  t: Messages;
  onSwitchLang(): void;
  onOpenHistory(): void;
}) {
  const meta = report
    ? [
        report.organ ?? t.organUnknown,
        report.year ? t.year(report.year) : '',
        report.format ? t.format(report.format) : '',
      ]
    : [];
  return (
    <header>
      <h1>{t.appName}</h1>
      <span class="meta" data-testid="report-meta">
        {meta.filter(Boolean).join(' · ')}
        {report?.publisher && report.publisher !== report.organ && (
          <span class="publisher" data-testid="report-publisher">
            {' '}
            {t.publishedBy(report.publisher)}
          </span>
        )}
      </span>
      <button type="button" onClick={onOpenHistory} data-testid="open-history">
        {t.openHistory}
      </button>
      <button type="button" onClick={onSwitchLang} data-testid="lang">
        {t.language}
      </button>
    </header>
  );
}

/** The view for what the page answered (or could not). */
function Body({ state, view }: { state: LoadResult | null; view: Omit<ViewProps, 'tabId'> }) {
  const { t, api, run } = view;
  if (!state) return <p>{t.loading}</p>;
  if (state.kind === 'cannot-check') return <p class="notice">{t.cannotCheck}</p>;
  if (state.kind === 'refresh')
    return (
      <p class="notice" data-testid="refresh">
        {t.refresh}
      </p>
    );
  if (state.kind === 'other-site')
    return (
      <>
        <p class="notice">{t.otherSite}</p>
        <button
          type="button"
          class="primary"
          data-testid="check-this-page"
          onClick={() => run(() => api.inject(state.tabId))}
        >
          {t.checkThisPage}
        </button>
      </>
    );
  if (state.kind === 'pdf-tab')
    return (
      <>
        <p class="notice">{t.pdfTab}</p>
        <button type="button" class="primary" data-testid="read-this-pdf" onClick={() => view.readPdf(state.url)}>
          {t.readThisPdf}
        </button>
      </>
    );
  if (state.kind === 'pdf-failed')
    return (
      <>
        <p class="notice" data-testid="pdf-failed">
          <strong>{t.readError}</strong>
          <br />
          {t.pdfFailed[state.reason](state.reason === 'permission' ? new URL(state.url).host : state.detail)}
        </p>
        <button type="button" data-testid="read-pdf-again" onClick={() => view.readPdf(state.url)}>
          {t.tryAgain}
        </button>
      </>
    );
  const props: ViewProps = { ...view, tabId: state.tabId, pdf: state.pdf, changed: state.response.changed };
  const { report, skipped, skippedBecause } = state.response;
  if (!report && skipped && (skippedBecause === 'too-large' || skippedBecause === 'reader-unavailable'))
    return <NotRead props={props} reason={skipped} />;
  if (!report || report.status === 'not-a-report')
    return (
      <NotAReport
        props={props}
        reason={report?.reason ?? skipped}
        notExamined={!report && skippedBecause === 'not-examined'}
      />
    );
  if (report.status !== 'checked') return <NotChecked props={props} report={report} />;
  return <Checked props={props} report={report} />;
}

function NotRead({ props, reason }: { props: ViewProps; reason: { zh: string; en: string } }) {
  const { t, lang, api, run, tabId } = props;
  return (
    <>
      <p class="notice" data-testid="status-notice">
        <strong>{t.readError}</strong>
        <br />
        {reason[lang]}
      </p>
      <button type="button" data-testid="check-anyway" onClick={() => run(() => api.checkAnyway(tabId))}>
        {t.tryAgain}
      </button>
    </>
  );
}

function NotAReport({
  props,
  reason,
  notExamined,
}: {
  props: ViewProps;
  reason?: { zh: string; en: string };
  notExamined: boolean;
}) {
  const { t, lang, api, run, tabId } = props;
  return (
    <>
      <p class="notice" data-testid={notExamined ? 'not-examined' : 'not-a-report'}>
        <strong>{notExamined ? t.notExamined : t.notReport}</strong>
        <br />
        {reason?.[lang]}
      </p>
      <button
        type="button"
        class="primary"
        data-testid="check-anyway"
        onClick={() => run(() => api.checkAnyway(tabId))}
      >
        {t.checkAnyway}
      </button>
      <Batch props={props} />
    </>
  );
}

/** Which previous-year report this one is compared with: the automatic one, another, or none. */
function Pairing({ props, report }: { props: ViewProps; report: Report }) {
  const { t, api, run, tabId } = props;
  const [choices, setChoices] = useState<{ url: string; label: string }[] | null>(null);
  return (
    <details
      class="diag"
      data-testid="pairing"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open && !choices) void api.pairingChoices(report).then(setChoices);
      }}
    >
      <summary>{t.pairing}</summary>
      <select
        data-testid="pairing-choice"
        onChange={(e) => {
          const v = (e.target as HTMLSelectElement).value;
          if (v) run(() => api.setPairing(tabId, report.source, v === 'auto' ? undefined : v === 'none' ? null : v));
        }}
      >
        <option value="">—</option>
        <option value="auto">{t.pairAuto}</option>
        <option value="none">{t.pairNone}</option>
        {(choices ?? []).map((c) => (
          <option key={c.url} value={c.url}>
            {c.label}
          </option>
        ))}
      </select>
    </details>
  );
}

/** "检查本页链接的全部年报": on a column of reports, every linked report checked in the history page. */
function Batch({ props }: { props: ViewProps }) {
  const { t, api, tabId, say } = props;
  const [follow, setFollow] = useState(false);
  return (
    <div class="batch">
      <button
        type="button"
        data-testid="batch"
        onClick={() =>
          void api.startBatch(tabId, follow).then((r) => {
            if (r === 'none') say(t.batchNone);
            else if (r === 'denied') say(t.batchDenied);
          })
        }
      >
        {t.batch}
      </button>
      <label>
        <input
          type="checkbox"
          checked={follow}
          data-testid="batch-follow"
          onChange={(e) => setFollow((e.target as HTMLInputElement).checked)}
        />
        {t.batchFollow}
      </label>
      <span class="toast" role="status">
        {props.toast}
      </span>
    </div>
  );
}

const reportJson = (report: Report) => JSON.stringify(Report.parse(report), null, 2);

function Actions({ props, report, children }: { props: ViewProps; report: Report; children?: ComponentChildren }) {
  const { t, api, say, toast } = props;
  return (
    <div class="actions">
      <button
        type="button"
        class="primary"
        data-testid="copy-json"
        onClick={() => api.copy(reportJson(report)).then(() => say(t.copied))}
      >
        {t.copyJson}
      </button>
      {children}
      <span class="toast" role="status" data-testid="toast">
        {toast}
      </span>
    </div>
  );
}

const Title = ({ report }: { report: Report }) =>
  report.title ? (
    <div class="title" data-testid="report-title">
      {report.title}
    </div>
  ) : null;

/** A report recognised but not checked: older format, or tables not found (images, attachments). */
function NotChecked({ props, report }: { props: ViewProps; report: Report }) {
  const { t, lang } = props;
  const links = (report.attachments ?? []).filter((a) => /^https?:/i.test(a.href));
  return (
    <>
      <Title report={report} />
      <p class="notice" data-testid="status-notice">
        <strong>{report.status === 'older-format' ? t.olderFormat : t.readError}</strong>
        <br />
        {report.reason?.[lang]}
      </p>
      {links.some((a) => isPdfUrl(a.href)) && <p data-testid="pdf-attachment">{t.pdfAttachment}</p>}
      {links.length > 0 && (
        <ul class="attachments" data-testid="attachments">
          {links.map((a) => (
            <li key={a.href}>
              <a href={a.href} target="_blank" rel="noopener noreferrer">
                {a.text || a.href}
              </a>
              {isPdfUrl(a.href) && (
                <button type="button" class="primary" data-testid="read-pdf" onClick={() => props.readPdf(a.href)}>
                  {t.readPdf}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Actions props={props} report={report} />
    </>
  );
}

function Checked({ props, report }: { props: ViewProps; report: Report }) {
  const { t, lang, api, say, tabId } = props;
  const severityOf = useMemo(() => severityByCell(report.findings), [report]);
  const s = report.summary;
  return (
    <>
      <Title report={report} />
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
      {props.changed && (
        <p class="notice warn" data-testid="changed">
          {t.changedSince(
            new Date(props.changed.since).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en'),
            t.changedWhat(props.changed.figures, props.changed.text),
          )}
        </p>
      )}
      {!props.pdf && report.year !== null && <Pairing props={props} report={report} />}
      {report.pairedWith && (
        <div class="diag" data-testid="paired-with">
          <a
            href={/^https?:/i.test(report.pairedWith.source) ? report.pairedWith.source : undefined}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t.pairedWith(report.pairedWith.title ?? report.pairedWith.source, report.pairedWith.year)}
          </a>
        </div>
      )}
      {props.pdf && (
        <div class="diag" data-testid="read-from-pdf">
          {t.pdfRead(decodeURIComponent(props.pdf.split(/[?#]/)[0].split('/').pop() ?? props.pdf))}
        </div>
      )}
      <Actions props={props} report={report}>
        <button
          type="button"
          data-testid="copy-tsv"
          onClick={() => api.copy(reportToLayoutTsv(report, lang)).then(() => say(t.copied))}
        >
          {t.copyTable}
        </button>
        <button
          type="button"
          data-testid="copy-problems"
          onClick={() =>
            api.copy(problemList({ report, url: props.pdf ?? report.source, checkedAt: '' })).then(() => say(t.copied))
          }
        >
          {t.copyProblems}
        </button>
        <button
          type="button"
          data-testid="download-json"
          onClick={() => api.download(`${report.organ ?? 'report'}-${report.year ?? ''}.json`, reportJson(report))}
        >
          {t.downloadJson}
        </button>
        {!props.pdf && (
          <button
            type="button"
            data-testid="clear-marks"
            onClick={() => api.clearMarks(tabId).then(() => say(t.marksCleared))}
          >
            {t.clearMarks}
          </button>
        )}
      </Actions>
      <Suspects props={props} report={report} />
      <Findings props={props} report={report} />
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
    </>
  );
}

/** Failing checks first, then those that could not be evaluated; passing ones on request. Click one to see its cell. */
function Findings({ props, report }: { props: ViewProps; report: Report }) {
  const { t, lang, api, tabId } = props;
  const [showPassed, setShowPassed] = useState(false);
  const indexed = report.findings.map((f, i) => ({ f, i }));
  const by = (status: Report['findings'][number]['status']) => indexed.filter(({ f }) => f.status === status);
  const passed = by('pass');
  const item = ({ f, i }: { f: Report['findings'][number]; i: number }) => (
    <li key={i} class={f.status === 'fail' ? f.severity : f.status} data-rule={f.rule}>
      <button type="button" onClick={() => !props.pdf && api.focus(tabId, i).catch(() => false)}>
        <span class="rule">{f.rule}</span>
        {f.message[lang]}
      </button>
      {f.href && /^https?:\/\//i.test(f.href) && (
        <a href={f.href} target="_blank" rel="noreferrer noopener">
          {t.openLink}
        </a>
      )}
    </li>
  );
  return (
    <>
      <h2>{t.checks}</h2>
      <ul class="findings" data-testid="findings">
        {by('fail').map(item)}
        {by('unchecked').map(item)}
        {showPassed && passed.map(item)}
      </ul>
      {!showPassed && passed.length > 0 && (
        <button type="button" onClick={() => setShowPassed(true)}>
          {t.showPassed(passed.length)}
        </button>
      )}
    </>
  );
}

/** The cell most likely wrong, first: where one printed figure explains every failing sum around it. */
function Suspects({ props, report }: { props: ViewProps; report: Report }) {
  const { t, lang } = props;
  if (!report.format || !report.suspects.length) return null;
  const format = report.format;
  return (
    <ul class="suspects" data-testid="suspects">
      {report.suspects.length > 1 && <li>{t.severalSuspects(report.suspects.length)}</li>}
      {report.suspects.map((s) => (
        <li key={s.cells.join()} data-cells={s.cells.join(' ')}>
          {t.suspect(
            s.cells.map((k) => cellName(format, k, lang)).join(lang === 'zh' ? '、' : ', '),
            s.printed,
            s.proposed,
            s.explains.length,
          )}
        </li>
      ))}
    </ul>
  );
}
