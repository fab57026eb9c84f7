/** What the page's session gets back: the banner's words and the shown findings ready-made, the report as JSON text. */
import { describe, expect, it } from 'vitest';
import { pageAnalysisOf } from '../../components/page-view';
import { reportResponseOf } from '../../lib/messages';
import { analyzeForPage } from '../../lib/page/analyze-for-page';
import { renderPage } from '../support/render';
import { randomCells, rng } from '../support/report-cells';

async function faultyPage() {
  const cells = randomCells('2021', rng(7));
  // one figure of table 三 off by 2: its row total and its column's results sum fail
  cells['t3.granted.natural'] = (cells['t3.granted.natural'] as number) + 2;
  const { content } = renderPage({ format: '2021', organ: '示例县人民政府', year: 2023, cells, style: 'word' }, rng(8));
  return analyzeForPage('https://www.example.gov.cn/faulty.html', { kind: 'html', html: content });
}

describe('the page view', () => {
  it('carries the report unchanged as JSON text, which the popup parses back', async () => {
    const result = await faultyPage();
    const view = pageAnalysisOf(result);
    expect(JSON.parse(view.reportJson)).toEqual(result.report);
    const response = reportResponseOf({ url: 'u', reportJson: view.reportJson, marked: 3 });
    expect(response.report).toEqual(result.report);
    expect(reportResponseOf({ url: 'u', reportJson: null, marked: 0 }).report).toBeNull();
  });

  it('shows the two failing sums of the changed figure, each worded in both languages with the cells it involves', async () => {
    const view = pageAnalysisOf(await faultyPage());
    expect(view.status).toBe('checked');
    const rules = view.shown.map((f) => f.rule).sort();
    expect(rules).toEqual(['t3-results-sum', 't3-row-total']);
    const rowTotal = view.shown.find((f) => f.rule === 't3-row-total')!;
    expect(rowTotal.severity).toBe('error');
    expect(rowTotal.message.zh).toContain('应为');
    // a row total involves seven cells: four named, "and three more"
    expect(rowTotal.involved?.zh).toBe(
      '涉及：表三「（一）予以公开」自然人、表三「（一）予以公开」商业企业、表三「（一）予以公开」科研机构、表三「（一）予以公开」社会公益组织 等另 3 格',
    );
    expect(rowTotal.involved?.en).toMatch(/^Cells: .*Natural persons.* and 3 more$/);
    expect(view.words.zh.summary).toBe(`2 项错误 · 0 项警告 · ${view.summary.passed} 项通过`);
    expect(view.words.en.summary).toBe(`2 errors · 0 warnings · ${view.summary.passed} passed`);
    expect(view.words.zh.clear).toBe('清除标记');
    // the marks point at the changed cell's element among others, each with the findings shown
    const shownIndexes = new Set(view.shown.map((f) => f.index));
    expect(view.marks.length).toBeGreaterThan(0);
    for (const mark of view.marks) for (const f of mark.findings) expect(shownIndexes.has(f)).toBe(true);
  });
});
