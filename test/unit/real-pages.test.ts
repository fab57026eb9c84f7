import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../cli/read-input';
import { FIXTURES, expectedOf } from '../support/analyze';
import { T3_COLS, T3_RESULTS_2021 } from '../support/report-cells';

const seeds = readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.txt'));

describe('seeds: every cell exact', () => {
  it('there are five seeds', () => expect(seeds).toHaveLength(5));
  for (const seed of seeds) {
    it(seed, async () => {
      const expected = expectedOf(`seeds/${seed.replace('.txt', '.expected.json')}`);
      const { report } = await analyzeFile(join(FIXTURES, 'seeds', seed));
      expect(report.status).toBe('checked');
      expect(report.cells).toEqual(expected.cells);
      expect(report.year).toBe(expected.year);
      expect(report.format).toBe(expected.format);
      expect(report.organ).toBe(expected.organ);
      expect(report.findings.filter((f) => f.status === 'fail' && f.severity === 'error')).toEqual([]);
    });
  }
  it('004: the missing 行政强制 label is reported, and its value placed by position', async () => {
    const { report } = await analyzeFile(join(FIXTURES, 'seeds', seeds.find((s) => s.startsWith('004'))!));
    const d = report.diagnostics.find((x) => x.code === 'label-missing');
    expect(d?.cells).toEqual(['t2.coercion.decisions']);
    expect(d?.message.zh).toContain('行政强制');
  });
});

describe('corpus pages with expected cells', () => {
  for (const name of ['12_pingtan_2023_trs.html', '15_shuyang_fgj_2023_ucap.html', '11_shanghai_bgt_2019.html']) {
    it(`${name}: exact`, async () => {
      const expected = expectedOf(`real/${name.replace(/\.html$/, '.expected.json')}`);
      const { report } = await analyzeFile(join(FIXTURES, 'real', name));
      expect(report.cells).toEqual(expected.cells);
      expect([report.year, report.organ, report.format]).toEqual([expected.year, expected.organ, expected.format]);
      expect(report.summary.errors).toBe(0);
    });
  }

  it('11 (2019, blank 总计 cells): blanks are "left blank" warnings, never errors', async () => {
    const { report } = await analyzeFile(join(FIXTURES, 'real/11_shanghai_bgt_2019.html'));
    const rowTotal = report.findings.find((f) => f.rule === 't3-row-total' && f.cells.includes('t3.granted.total'))!;
    expect(rowTotal.status).toBe('fail');
    expect(rowTotal.severity).toBe('warning');
    expect(rowTotal.expected).toBe(272); // 予以公开: 258 + 12 + 1 + 1 printed, 总计 left blank
    expect(rowTotal.message.zh).toContain('留空');
    expect(report.cells['t2.procurement.amount']).toBe(251000);
    expect(report.cellDetails['t2.procurement.amount'].unit).toBe('元');
  });

  it('06 (run-together crawler text): every cell exact or null and reported, never wrong', async () => {
    const expected = expectedOf('real/06_pingtan_2023.expected.json');
    const { report } = await analyzeFile(join(FIXTURES, 'real/06_pingtan_2023.txt'));
    const nulls = Object.keys(expected.cells).filter((k) => report.cells[k] === null);
    for (const [k, v] of Object.entries(expected.cells))
      if (report.cells[k] !== null) expect(report.cells[k], k).toBe(v);
    for (const k of nulls) {
      expect(report.cellDetails[k].state).toBe('unreadable');
      expect(report.diagnostics.some((d) => d.cells.includes(k))).toBe(true);
    }
    // 行政规范性文件 77|132|470 printed as 77132470 cannot be split without guessing
    expect(nulls).toEqual(
      expect.arrayContaining(['t2.normative.issued', 't2.normative.repealed', 't2.normative.in_force']),
    );
    expect(nulls.length).toBeLessThanOrEqual(8);
  });

  it('16 (2018, free layout): older format, not checked', async () => {
    const { report } = await analyzeFile(join(FIXTURES, 'real/16_pingtan_2018_legacy.txt'));
    expect(report.status).toBe('older-format');
    expect(report.year).toBe(2018);
    expect(report.reason?.zh).toContain('2018');
    expect(report.findings).toEqual([]);
  });
});

/**
 * The PDF-to-Markdown dumps, read by hand: rows are out of order, labels are torn from their
 * numbers, a blank cell is lost. Each cell must be what the page says or null — never another number.
 */
const T3_ROWS = ['new', 'carried_over', ...T3_RESULTS_2021, 'total', 'carried_forward'];
const COLS = [...T3_COLS, 'total'];
const z7 = [0, 0, 0, 0, 0, 0, 0];
function t3(rows: (number[] | null)[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  rows.forEach((vals, i) => {
    COLS.forEach((c, j) => {
      out[`t3.${T3_ROWS[i]}.${c}`] = vals ? vals[j] : null;
    });
  });
  return out;
}
const PAGE_13 = {
  't2.rules.issued': 0,
  't2.rules.repealed': 0,
  't2.rules.in_force': 0,
  't2.normative.issued': 13,
  't2.normative.repealed': 0,
  't2.normative.in_force': 55,
  't2.licensing.decisions': 97,
  't2.penalty.decisions': 0,
  't2.coercion.decisions': 0,
  't2.fees.amount': 0,
  ...t3([
    [32, 2, 0, 0, 0, 0, 34],
    [2, 0, 0, 0, 0, 0, 2],
    [9, 0, 0, 0, 0, 0, 9],
    z7,
    z7,
    z7,
    z7,
    z7,
    [1, 0, 0, 0, 0, 0, 1],
    [1, 0, 0, 0, 0, 0, 1],
    z7,
    z7,
    [4, 0, 0, 0, 0, 0, 4],
    [6, 0, 0, 0, 0, 0, 6],
    z7,
    z7,
    z7,
    z7,
    z7,
    z7,
    [8, 2, 0, 0, 0, 0, 10],
    z7,
    [4, 0, 0, 0, 0, 0, 4],
    [33, 2, 0, 0, 0, 0, 35],
    [1, 0, 0, 0, 0, 0, 1],
  ]),
  't4.review.upheld': 1,
  't4.review.corrected': 0,
  't4.review.other': 0,
  't4.review.pending': 0,
  't4.review.total': 1,
  ...Object.fromEntries(
    ['suit_direct', 'suit_after_review'].flatMap((g) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => [`t4.${g}.${k}`, 0]),
    ),
  ),
};
const PAGE_14 = {
  // 规章 and 行政规范性文件 print two numbers for three columns: not knowable
  't2.rules.issued': null,
  't2.rules.repealed': null,
  't2.rules.in_force': null,
  't2.normative.issued': null,
  't2.normative.repealed': null,
  't2.normative.in_force': null,
  't2.licensing.decisions': 0,
  't2.penalty.decisions': 0,
  't2.coercion.decisions': 0,
  't2.fees.amount': 0,
  ...t3([
    [1259, 36, 0, 0, 0, 0, 1295],
    [170, 15, 0, 0, 4, 0, 189],
    [201, 5, 0, 0, 0, 0, 206],
    [2, 0, 0, 0, 0, 0, 2],
    [4, 0, 0, 0, 0, 0, 4],
    z7,
    [1, 0, 0, 0, 0, 0, 1],
    z7,
    [8, 0, 0, 0, 1, 0, 9],
    [1, 0, 0, 0, 0, 0, 1],
    z7,
    [5, 0, 0, 0, 0, 0, 5],
    [484, 28, 0, 0, 1, 0, 513],
    [47, 1, 0, 0, 0, 0, 48],
    [3, 0, 0, 0, 0, 0, 3],
    [61, 1, 0, 0, 0, 0, 62],
    [16, 0, 0, 0, 0, 0, 16],
    [1, 0, 0, 0, 0, 0, 1],
    [1, 0, 0, 0, 0, 0, 1],
    z7,
    [40, 1, 0, 0, 2, 0, 43],
    z7,
    [264, 12, 0, 0, 0, 0, 276],
    [1139, 48, 0, 0, 4, 0, 1191],
    [290, 3, 0, 0, 0, 0, 293],
  ]),
  't4.review.upheld': 40,
  't4.review.corrected': 0,
  't4.review.other': 10,
  't4.review.pending': 5,
  't4.review.total': 55,
  't4.suit_direct.upheld': 2,
  't4.suit_direct.corrected': 0,
  't4.suit_direct.other': 4,
  't4.suit_direct.pending': 6,
  't4.suit_direct.total': 12,
  't4.suit_after_review.upheld': 6,
  't4.suit_after_review.corrected': 0,
  't4.suit_after_review.other': 9,
  't4.suit_after_review.pending': 7,
  't4.suit_after_review.total': 22,
};

describe('PDF-to-Markdown dumps: as far as they can be read, no wrong numbers', () => {
  for (const [name, page, minRead] of [
    ['13_shanghai_kewei_2024_pdf2md.md', PAGE_13, 180],
    ['14_shanghai_bgt_2025_pdf2md.md', PAGE_14, 190],
  ] as const) {
    it(name, async () => {
      const { report } = await analyzeFile(join(FIXTURES, 'real', name));
      expect(report.status).toBe('checked');
      let read = 0;
      for (const [k, v] of Object.entries(page)) {
        if (report.cells[k] === null) continue;
        expect(report.cells[k], k).toBe(v);
        read++;
      }
      expect(read).toBeGreaterThanOrEqual(minRead);
      expect(report.summary.errors).toBe(0);
    });
  }
});

describe('PDF (read with PDF.js: text items laid out by position)', () => {
  // every cell read off the PDF's pages by hand (rendered at 100 dpi), in *.pdf.expected.json
  for (const name of ['01_huaian_szf_2024', '02_hongze_2023', '03_hongze_2024']) {
    it(`${name}.pdf: every cell as printed, or null and said`, async () => {
      const expected = expectedOf(`real/${name}.pdf.expected.json`);
      const { report } = await analyzeFile(join(FIXTURES, `real/${name}.pdf`));
      expect([report.status, report.year, report.organ, report.format]).toEqual([
        'checked',
        expected.year,
        expected.organ,
        expected.format,
      ]);
      expect(report.cells).toEqual(expected.cells);
      for (const [key, value] of Object.entries(expected.cells))
        if (value === null) expect(report.cellDetails[key].reason, key).toBeTruthy();
    });
  }

  it('03: the text counts one office (17), the table the district (95): no narrative-match alarm', async () => {
    const { report } = await analyzeFile(join(FIXTURES, 'real/03_hongze_2024.pdf'));
    expect(report.cells['t3.new.total']).toBe(95);
    expect(report.cells['t3.total.total']).toBe(95);
    expect(report.cellDetails['t3.new.total'].loc).toMatch(/^page 3, line \d+/);
    expect(report.findings.filter((f) => f.rule === 'narrative-match' && f.status === 'fail')).toEqual([]);
  });
  it('02: the review group printed 10+1+0+0 with total 0 is an error on those cells', async () => {
    const { report } = await analyzeFile(join(FIXTURES, 'real/02_hongze_2023.pdf'));
    const f = report.findings.find((x) => x.rule === 't4-group-total' && x.cells.includes('t4.review.total'))!;
    expect([f.status, f.severity, f.expected, f.actual]).toEqual(['fail', 'error', 11, 0]);
  });
  it('02 and 03 print table 三（六）as one row of the 2019 template: its three sub-rows are unreadable and said', async () => {
    for (const file of ['real/02_hongze_2023.pdf', 'real/03_hongze_2024.pdf']) {
      const { report } = await analyzeFile(join(FIXTURES, file));
      const unreadable = Object.keys(report.cells).filter((k) => report.cellDetails[k].state === 'unreadable');
      expect(unreadable.sort(), file).toEqual(
        ['other_no_correction', 'other_unpaid_fee', 'other_other']
          .flatMap((r) => [...T3_COLS, 'total'].map((c) => `t3.${r}.${c}`))
          .sort(),
      );
    }
  });
});
