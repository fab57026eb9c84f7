/**
 * A figure split in two by an inline element prints as two numbers in a crawler's text
 * (`160 0 0 2 0 0 1 62` for 本年新收, where the total is 162). Rebuilt only where the row's total
 * singles out one way of joining the pieces; otherwise the row is unreadable, never shifted.
 */
import { describe, expect, it } from 'vitest';
import { joinSplitFigures } from '../../lib/extract/join-split';
import { tokensFromText } from '../../lib/source/text';
import { analyzeString } from '../support/analyze';
import { renderPage } from '../support/render';
import { T3_COLS, T3_RESULTS_2021, randomCells, rng } from '../support/report-cells';

const pieces = (line: string) => tokensFromText(line);
// table 三's row total, written here from the format: six applicant columns add up to 总计
const T3_ROW_FIT = (v: number[]) => v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];
const join = (line: string) => joinSplitFigures(pieces(line), 7, T3_ROW_FIT)?.values ?? null;

describe('joinSplitFigures', () => {
  it('joins the one pair of pieces that makes the row total hold', () => {
    expect(join('160 0 0 2 0 0 1 62')).toEqual([160, 0, 0, 2, 0, 0, 162]);
    expect(join('2 7 0 0 1 0 0 28')).toEqual([27, 0, 0, 1, 0, 0, 28]);
    expect(join('1 60 0 0 2 0 0 1 62')).toEqual([160, 0, 0, 2, 0, 0, 162]);
  });
  it('says nothing when two joins fit, or none does', () => {
    // 1|2 → 12,0,1,4,0,2 = 19 and 1|4 → 1,2,0,14,0,2 = 19: two ways, so no way
    expect(join('1 2 0 1 4 0 2 19')).toBeNull();
    // 11,0,0,0,0,1 ≠ 2 and 1,1,0,0,0,0 ≠ 12: none
    expect(join('1 1 0 0 0 0 1 2')).toBeNull();
  });
  it('never makes a figure start with 0, never joins a blank', () => {
    expect(join('1 0 0 0 0 0 0 1')).toBeNull(); // `0|1` would be 01
    expect(joinSplitFigures(pieces('1 - 0 0 0 0 0 1'), 7, T3_ROW_FIT)).toBeNull();
  });
});

describe('a crawler dump with figures split in two (a city government page, issue 7)', () => {
  // a consistent report whose table 三 holds the rows the real page printed
  const cells = randomCells('2021', rng(11));
  const set = (row: string, values: number[]) =>
    [...T3_COLS, 'total'].forEach((c, i) => {
      cells[`t3.${row}.${c}`] = values[i];
    });
  for (const row of ['carried_over', 'carried_forward', ...T3_RESULTS_2021]) set(row, [0, 0, 0, 0, 0, 0, 0]);
  set('new', [160, 0, 0, 2, 0, 0, 162]);
  set('granted', [133, 0, 0, 1, 0, 0, 134]);
  set('unavailable_not_held', [27, 0, 0, 1, 0, 0, 28]);
  set('total', [160, 0, 0, 2, 0, 0, 162]);
  const page = renderPage({ format: '2021', organ: '某某市人民政府', year: 2023, cells, style: 'spaced' }, rng(3))
    .content.replace(/(本年新收政府信息公开申请数量) 160 0 0 2 0 0 162/, '$1 160 0 0 2 0 0 1 62')
    .replace(/(（七）总计) 160 0 0 2 0 0 162/, '$1 1 60 0 0 2 0 0 1 62')
    .replace(/(本机关不掌握相关政府信息) 27 0 0 1 0 0 28/, '$1 2 7 0 0 1 0 0 28');

  it('the page prints the split rows', () => {
    expect(page).toContain(' 160 0 0 2 0 0 1 62');
    expect(page).toContain(' 1 60 0 0 2 0 0 1 62');
    expect(page).toContain(' 2 7 0 0 1 0 0 28');
  });
  it('reads every cell exactly, says which figures were rejoined, and raises no false error', async () => {
    const { report } = await analyzeString(page);
    expect(report.cells).toEqual(cells);
    expect(report.summary.errors).toBe(0);
    const joined = report.diagnostics.filter((d) => d.code === 'figure-joined').flatMap((d) => d.cells);
    expect(joined.sort()).toEqual(
      ['t3.new.total', 't3.total.natural', 't3.total.total', 't3.unavailable_not_held.natural'].sort(),
    );
  });
  it('a split row whose total does not single out the join is unreadable, never shifted', async () => {
    // 27 printed as `2 7`, and the total 28 as `2 8`: no single join makes the row hold
    const ambiguous = page.replace(' 2 7 0 0 1 0 0 28', ' 2 7 0 0 1 0 2 8');
    const { report } = await analyzeString(ambiguous);
    const row = [...T3_COLS, 'total'].map((c) => report.cells[`t3.unavailable_not_held.${c}`]);
    expect(row.every((v) => v === null)).toBe(true);
    expect(report.cellDetails['t3.unavailable_not_held.total'].state).toBe('unreadable');
  });
});
