/** The cell most likely wrong: one printed typo is singled out; two independent ones, or a lone failing sum, say nothing. */
import { describe, expect, it } from 'vitest';
import { analyzeRendered } from '../support/analyze';
import { renderPage } from '../support/render';
import { HTML_STYLES, TEXT_STYLES } from '../support/render';
import { T3_COLS, T3_RESULTS_2021, T4_GROUPS, randomCells, rng } from '../support/report-cells';

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
  it('over generated pages with one figure changed anywhere in tables 三 and 四, in every style: the suspect named is the changed cell wherever one cell explains every failing check; with two faults, none', async () => {
    const t3Rows = ['new', 'carried_over', ...T3_RESULTS_2021, 'total', 'carried_forward'];
    const t3Keys = t3Rows.flatMap((row) => [...T3_COLS, 'total'].map((c) => `t3.${row}.${c}`));
    const t4Keys = T4_GROUPS.flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) => `t4.${g}.${c}`),
    );
    const styles = [...HTML_STYLES, ...TEXT_STYLES];
    const count = { pages: 0, named: 0, namedRight: 0, notNamed: 0, twoFaults: 0, twoFaultsNamed: 0 };
    for (let seed = 100; seed < 340; seed++) {
      const r = rng(seed);
      const cells = randomCells('2021', r, 40);
      const key = r.pick([...t3Keys, ...t4Keys]);
      const changed = { ...cells, [key]: (cells[key] ?? 0) + 1 + r.int(9) };
      const two = seed % 4 === 0;
      if (two) {
        // a second fault in the other table
        const other = key.startsWith('t3.') ? r.pick(t4Keys) : r.pick(t3Keys);
        changed[other] = (cells[other] ?? 0) + 1 + r.int(9);
      }
      const style = styles[seed % styles.length];
      const page = renderPage(
        { format: '2021', organ: '某某县人民政府', year: 2023, cells: changed, style },
        rng(seed),
      );
      const { report } = await analyzeRendered(page);
      const named = report.suspects.flatMap((s) => s.cells);
      count.pages++;
      if (two) {
        count.twoFaults++;
        if (named.length) count.twoFaultsNamed++;
        continue;
      }
      // one cell explains every failing relation when two or more relations fail and all hold that cell
      if (named.length) {
        count.named++;
        if (named.length === 1 && named[0] === key) count.namedRight++;
      } else count.notNamed++;
    }
    console.log('suspects over generated faulty pages:', count);
    expect(count.twoFaultsNamed).toBe(0);
    expect(count.namedRight).toBe(count.named);
    expect(count.named).toBeGreaterThan(100);
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
