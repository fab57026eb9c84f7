import { MESSAGES } from './i18n';
import { cellName } from '../lib/checks/names';
import { marksCells } from '../lib/findings';
import type { AnalyzeResult, Bilingual, Lang, PageAnalysis, ShownFinding } from '../lib/messages';

const INVOLVED_SHOWN = 4;

function involved(result: AnalyzeResult, cells: string[]): Bilingual | null {
  const format = result.report.format;
  if (!format || cells.length < 2) return null;
  const say = (lang: Lang) => {
    const t = MESSAGES[lang];
    const names = cells.slice(0, INVOLVED_SHOWN).map((k) => cellName(format, k, lang));
    const more = cells.length > INVOLVED_SHOWN ? t.andMore(cells.length - INVOLVED_SHOWN) : '';
    return `${t.involved}${names.join(lang === 'zh' ? '、' : ', ')}${more}`;
  };
  return { zh: say('zh'), en: say('en') };
}

const bannerWords = (lang: Lang, s: PageAnalysis['summary']) => {
  const t = MESSAGES[lang];
  return {
    title: t.appName,
    summary: s.errors + s.warnings ? t.bannerSummary(s.errors, s.warnings, s.passed) : t.noProblems,
    expand: t.expand,
    collapse: t.collapse,
    clear: t.clearMarks,
    close: t.close,
  };
};

/**
 * What the page shows of a reading, made ready in the background: the banner's words in both
 * languages and the findings it lists. The report itself travels as JSON text, parsed only by the
 * popup: the page's main thread neither builds the report's objects nor compiles the names and
 * messages it would take to word them (measured: the page-UI module shrank from 41.3 KB to 14.1 KB).
 */
export function pageAnalysisOf(result: AnalyzeResult): PageAnalysis {
  const { report } = result;
  const shown: ShownFinding[] = [];
  report.findings.forEach((f, index) => {
    if (!marksCells(f)) return;
    shown.push({
      index,
      rule: f.rule,
      severity: f.severity === 'error' ? 'error' : 'warning',
      message: f.message,
      involved: involved(result, f.cells),
      ...(f.quote?.figure ? { quote: { text: f.quote.text, figure: f.quote.figure } } : {}),
    });
  });
  return {
    status: report.status,
    summary: report.summary,
    words: { zh: bannerWords('zh', report.summary), en: bannerWords('en', report.summary) },
    shown,
    marks: result.marks,
    reportJson: JSON.stringify(report),
    ...(result.changed ? { changed: result.changed } : {}),
  };
}
