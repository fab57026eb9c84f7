import { describe, expect, it } from 'vitest';
import { analyzeRendered } from '../support/analyze';
import { HTML_STYLES, TEXT_STYLES, renderPage, type Style } from '../support/render';
import { randomCells, rng, type Format } from '../support/report-cells';

const STYLES: Style[] = [...HTML_STYLES, ...TEXT_STYLES];
const FORMATS: Format[] = ['2021', '2019'];

describe('generated pages read back exactly', () => {
  for (const format of FORMATS) {
    for (const style of STYLES) {
      for (const seed of [1, 2, 3]) {
        it(`${format} ${style} seed ${seed}`, async () => {
          const r = rng(seed * 7919 + style.length);
          const cells = randomCells(format, r);
          const year = format === '2021' ? 2022 + seed : 2019;
          // HTML pages leave some zero cells blank, as Word reports do
          if (HTML_STYLES.includes(style) && style !== 'paragraphs')
            for (const [k, v] of Object.entries(cells)) if (v === 0 && r.chance(0.3)) cells[k] = null;
          const chrome = (['none', 'trs', 'layout-table'] as const)[seed % 3];
          const page = renderPage({ format, organ: '某某县人民政府办公室', year, cells, style, chrome }, r);
          const { report } = await analyzeRendered(page);
          expect(report.status).toBe('checked');
          expect(report.format).toBe(format);
          expect(report.year).toBe(year);
          expect(report.organ).toBe('某某县人民政府办公室');
          if (style === 'runtogether') {
            // digits run together: a cell is exact or unreadable (and said), never wrong
            for (const [key, value] of Object.entries(cells)) {
              if (report.cells[key] !== null) expect(report.cells[key], key).toBe(value);
              else expect(report.cellDetails[key].state, key).toBe('unreadable');
            }
          } else {
            expect(report.cells).toEqual(cells);
          }
          expect(report.summary.errors).toBe(0);
        });
      }
    }
  }
});

describe('traditional-Chinese copies read back exactly', () => {
  for (const style of ['template', 'pipes', 'lines'] as Style[]) {
    it(`${style}, traditional with pinyin notes`, async () => {
      const { Converter } = await import('opencc-js');
      const toTraditional = Converter({ from: 'cn', to: 'tw' });
      const r = rng(42);
      const cells = randomCells('2021', r);
      const page = renderPage({ format: '2021', organ: '某某县人民政府办公室', year: 2024, cells, style }, r);
      // some mirrors add pinyin after characters: 號(hào)
      const content = toTraditional(page.content)
        .replace(/號/g, '號(hào)')
        .replace(/數/g, '數(shù)')
        .replace(/項/g, '項(xiàng)');
      expect(content).toContain('申請');
      const { report } = await analyzeRendered({ ...page, content });
      expect(report.status).toBe('checked');
      expect(report.organ).toBe('某某县人民政府办公室');
      expect(report.cells).toEqual(cells);
    });
  }
});

describe('injected faults are found on exactly the cells involved', () => {
  const FAULTS: { cell: string; delta: number; expect: { rule: string; has: string[] }[] }[] = [
    {
      cell: 't3.granted.natural',
      delta: 1,
      expect: [
        { rule: 't3-row-total', has: ['t3.granted.natural', 't3.granted.total'] },
        { rule: 't3-results-sum', has: ['t3.granted.natural', 't3.total.natural'] },
      ],
    },
    {
      cell: 't3.total.total',
      delta: 2,
      expect: [
        { rule: 't3-row-total', has: ['t3.total.natural', 't3.total.total'] },
        { rule: 't3-results-sum', has: ['t3.total.total'] },
        { rule: 't3-balance', has: ['t3.new.total', 't3.total.total'] },
      ],
    },
    {
      cell: 't4.review.total',
      delta: 1,
      expect: [{ rule: 't4-group-total', has: ['t4.review.upheld', 't4.review.total'] }],
    },
    {
      cell: 't3.carried_forward.natural',
      delta: 3,
      expect: [
        { rule: 't3-row-total', has: ['t3.carried_forward.total'] },
        { rule: 't3-balance', has: ['t3.carried_forward.natural', 't3.new.natural'] },
      ],
    },
  ];
  for (const style of ['template', 'word', 'pipes', 'lines', 'markdown'] as Style[]) {
    for (const fault of FAULTS) {
      it(`${style}: ${fault.cell} ${fault.delta > 0 ? '+' : ''}${fault.delta}`, async () => {
        const r = rng(7);
        const cells = randomCells('2021', r);
        cells[fault.cell] = (cells[fault.cell] as number) + fault.delta;
        const page = renderPage(
          { format: '2021', organ: '某某市生态环境局', year: 2023, cells, style, chrome: 'trs' },
          r,
        );
        const { report } = await analyzeRendered(page);
        expect(report.cells[fault.cell]).toBe(cells[fault.cell]);
        const errors = report.findings.filter((f) => f.status === 'fail' && f.severity === 'error');
        expect(errors.map((f) => f.rule).sort()).toEqual(fault.expect.map((e) => e.rule).sort());
        for (const e of fault.expect) {
          const finding = errors.find((f) => f.rule === e.rule)!;
          for (const key of e.has) expect(finding.cells).toContain(key);
          expect(finding.cells).toContain(fault.cell);
        }
      });
    }
  }

  it('a figure in the text that contradicts table 三 is a narrative-match warning', async () => {
    const r = rng(11);
    const cells = randomCells('2021', r);
    const wrong = (cells['t3.new.total'] as number) + (cells['t3.carried_over.total'] as number) + 7;
    const page = renderPage(
      { format: '2021', organ: '某某区人民政府', year: 2024, cells, style: 'template', narrativeReceived: wrong },
      r,
    );
    const { report } = await analyzeRendered(page);
    const f = report.findings.find((x) => x.rule === 'narrative-match' && x.status === 'fail');
    expect(f).toBeDefined();
    expect(f!.severity).toBe('warning');
    expect(f!.actual).toBe(wrong);
    expect(f!.expected).toBe(cells['t3.new.total']);
    expect(f!.cells).toEqual(['t3.new.total']);
  });
});
