/** The cell most likely wrong: one printed typo is singled out; two independent ones, or a lone failing sum, say nothing. */
import { describe, expect, it } from 'vitest';
import { analyzeRendered } from '../support/analyze';
import { renderPage } from '../support/render';
import { T3_COLS, T3_RESULTS_2021, randomCells, rng } from '../support/report-cells';

const render = (cells: Record<string, number | null>, seed: number) =>
  renderPage({ format: '2021', organ: '某某县人民政府', year: 2023, cells, style: 'template' }, rng(seed));

describe('suspects', () => {
  it('a typo in any applicant cell of a result row is singled out, with the value that makes both sums hold', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const r = rng(seed);
      const cells = randomCells('2021', r, 40);
      const key = `t3.${r.pick(T3_RESULTS_2021)}.${r.pick([...T3_COLS])}`;
      const printed = (cells[key] as number) + 1 + r.int(9);
      const { report } = await analyzeRendered(render({ ...cells, [key]: printed }, seed));
      expect(report.suspects, `seed ${seed} ${key}`).toEqual([
        { cells: [key], printed, proposed: cells[key], explains: expect.any(Array) },
      ]);
      const explained = report.suspects[0].explains.map((i) => report.findings[i].rule).sort();
      expect(explained).toEqual(['t3-results-sum', 't3-row-total']);
    }
  });
  it('a consistent report has none', async () => {
    const { report } = await analyzeRendered(render(randomCells('2021', rng(3)), 3));
    expect(report.suspects).toEqual([]);
  });
  it('a lone failing group total names no cell: any of its five could be the wrong one', async () => {
    const cells = randomCells('2021', rng(4));
    const { report } = await analyzeRendered(
      render({ ...cells, 't4.review.total': (cells['t4.review.total'] as number) + 1 }, 4),
    );
    expect(report.summary.errors).toBe(1);
    expect(report.suspects).toEqual([]);
  });
  it('two typos in one row: no single cell explains them, nothing is said', async () => {
    const cells = randomCells('2021', rng(5), 40);
    const a = 't3.granted.natural';
    const b = 't3.granted.business';
    const { report } = await analyzeRendered(
      render({ ...cells, [a]: (cells[a] as number) + 2, [b]: (cells[b] as number) + 5 }, 5),
    );
    expect(report.summary.errors).toBeGreaterThanOrEqual(3);
    expect(report.suspects).toEqual([]);
  });
  it('a blank cell read as 0 is never proposed', async () => {
    const cells = randomCells('2021', rng(6), 40);
    const key = 't3.partial.research';
    const { report } = await analyzeRendered(
      render(
        {
          ...cells,
          [key]: null,
          't3.partial.total': (cells['t3.partial.total'] as number) + 4,
          't3.total.research': (cells['t3.total.research'] as number) + 4,
        },
        6,
      ),
    );
    expect(report.suspects.flatMap((s) => s.cells)).not.toContain(key);
  });
});
