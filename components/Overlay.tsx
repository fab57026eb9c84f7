import { useState } from 'preact/hooks';
import type { Lang } from '../lib/messages';
import type { Finding, Report } from '../lib/model';
import { cellName } from '../lib/checks/names';
import { MESSAGES } from './i18n';

export interface OverlayProps {
  report: Report;
  lang: Lang;
  /** findings that have marked cells, by index into report.findings */
  marked: number[];
  tooltip: { findings: number[]; x: number; y: number } | null;
  onFocus(index: number): void;
  onClear(): void;
}

/** The hover explanation's size: the CSS below and the placement beside a cell (content/mark-view.ts) both use it. */
export const TOOLTIP_MAX_WIDTH = 380;
export const TOOLTIP_MAX_HEIGHT = 120;

const color = (f: Finding) => (f.severity === 'error' ? '#d93025' : '#e37400');

/** The in-page banner (fixed in a corner, so the page's flow is untouched) and the hover explanation. */
export function Overlay({ report, lang, marked, tooltip, onFocus, onClear }: OverlayProps) {
  const t = MESSAGES[lang];
  const [open, setOpen] = useState(report.summary.errors + report.summary.warnings > 0);
  const [closed, setClosed] = useState(false);
  const s = report.summary;
  return (
    <>
      {!closed && (
        <div class="banner" role="status" data-testid="nianbao-banner">
          <div class="bar">
            <strong>{t.appName}</strong>
            <span class={s.errors ? 'bad' : s.warnings ? 'warn' : 'ok'}>
              {s.errors + s.warnings ? t.bannerSummary(s.errors, s.warnings, s.passed) : t.noProblems}
            </span>
            <button type="button" onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? t.collapse : t.expand}
            </button>
            <button type="button" onClick={onClear} data-testid="nianbao-clear">
              {t.clearMarks}
            </button>
            <button type="button" onClick={() => setClosed(true)} aria-label={t.close}>
              ✕
            </button>
          </div>
          {open && marked.length > 0 && (
            <ol class="list">
              {marked.map((i) => (
                <li key={i}>
                  <button
                    type="button"
                    class="finding"
                    style={{ borderLeftColor: color(report.findings[i]) }}
                    onClick={() => onFocus(i)}
                  >
                    {report.findings[i].message[lang]}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {tooltip && (
        <div
          class="tip"
          role="tooltip"
          style={{ left: `${tooltip.x}px`, top: `${tooltip.y}px` }}
          data-testid="nianbao-tooltip"
        >
          {tooltip.findings.map((i) => {
            const f = report.findings[i];
            return (
              <p key={i} style={{ borderLeftColor: color(f) }}>
                <code>{f.rule}</code> {f.message[lang]}
                {report.format && f.cells.length > 1 && (
                  <span class="nums">
                    {t.involved}
                    {f.cells
                      .slice(0, 4)
                      .map((k) => cellName(report.format!, k, lang))
                      .join(lang === 'zh' ? '、' : ', ')}
                    {f.cells.length > 4 ? t.andMore(f.cells.length - 4) : ''}
                  </span>
                )}
              </p>
            );
          })}
        </div>
      )}
    </>
  );
}

export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; }
.banner { position: fixed; right: 16px; bottom: 16px; max-width: min(440px, calc(100vw - 32px)); max-height: 60vh; overflow: auto;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.18); font-size: 13px; line-height: 1.5; }
.bar { display: flex; gap: 8px; align-items: center; padding: 8px 10px; flex-wrap: wrap; }
.bar strong { color: #c0392b; }
.bad { color: #d93025; font-weight: 600; } .warn { color: #b06000; font-weight: 600; } .ok { color: #1e8e3e; font-weight: 600; }
button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #f8f9fa; border-radius: 6px; padding: 2px 8px; cursor: pointer; color: #202124; }
button:hover { background: #eef0f2; }
.list { margin: 0; padding: 0 10px 10px 28px; }
.list li { margin: 4px 0; }
.finding { display: block; width: 100%; text-align: left; border: none; border-left: 3px solid; border-radius: 0; background: #fafafa; padding: 4px 8px; }
.tip { position: fixed; max-width: ${TOOLTIP_MAX_WIDTH}px; background: #202124; color: #fff; border-radius: 8px; padding: 6px 10px; font-size: 12px; line-height: 1.5; box-shadow: 0 4px 12px rgba(0,0,0,.3); pointer-events: none; }
.tip p { margin: 4px 0; border-left: 3px solid; padding-left: 6px; }
.tip code { color: #fdd663; font-family: ui-monospace, monospace; }
.nums { display: block; color: #bdc1c6; }
`;
