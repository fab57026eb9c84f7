/** The reader's stages on their own: cell reading, label/figure pieces, run-together digits, table grids, titles and bodies. */
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { findOrgan, findTitle, findYear } from '../../lib/extract/meta';
import { T3_COLUMNS } from '../../lib/format/layouts';
import { tableGrid } from '../../lib/source/html';
import { splitPacked } from '../../lib/source/packed';
import { parse5Adapter, type P5Node } from '../../lib/source/parse5';
import { splitMixed } from '../../lib/source/tokens';
import { readCell } from '../../lib/text/normalize';

describe('readCell', () => {
  it.each([
    ['12', 12],
    ['１２', 12],
    ['21,943', 21943],
    [' 251000元 ', 251000],
    ['-18', -18],
    ['10300.8203', 10300.8203],
  ])('%s is %d', (text, value) => expect(readCell(text)).toMatchObject({ kind: 'number', value }));
  it('two figures in one cell are not one number; a space grouping thousands is', () => {
    expect(readCell('1 2')).toMatchObject({ kind: 'unreadable', code: 'not-a-number' });
    expect(readCell('3\n14')).toMatchObject({ kind: 'unreadable', code: 'not-a-number' });
    expect(readCell('12 345')).toEqual({ kind: 'number', value: 12345 });
  });
  it.each(['', '\u00a0', '-', '—', '/', '无'])('"%s" is blank', (text) =>
    expect(readCell(text)).toEqual({ kind: 'blank' }),
  );
  it.each(['若干', '<script>', 'abc', '3-1'])('"%s" is not a number, with its code', (text) =>
    expect(readCell(text)).toMatchObject({ kind: 'unreadable', code: 'not-a-number' }),
  );
});

describe('splitMixed', () => {
  const pieces = (s: string) => splitMixed(s).map((p) => `${p.isValue ? '#' : ''}${p.text.trim()}`);
  it('splits a label from its run-together digits', () => {
    expect(pieces('规章000行政规范性文件77132470')).toEqual(['规章', '#000', '行政规范性文件', '#77132470']);
  });
  it('keeps list numbering with its label, and digits that are part of a word', () => {
    expect(pieces('00000002.其他法律行政法规禁止公开')).toEqual(['#0000000', '2.其他法律行政法规禁止公开']);
    expect(pieces('2023年，第711号')).toEqual(['2023年，第711号']);
  });
  it('reads signed values as cells of their own', () => {
    expect(pieces('行政许可 18 -1 1721')).toEqual(['行政许可', '#18', '#-1', '#1721']);
  });
});

describe('splitPacked', () => {
  const t3fit = (v: number[]) => v[0] + v[1] + v[2] + v[3] + v[4] + v[5] === v[6];
  it('splits a run where the row total singles out one split', () => {
    // 80,1,0,0,0,0,81 — the only split whose six cells add up to the seventh
    expect(splitPacked('801000081', T3_COLUMNS, t3fit, false)).toEqual({
      values: [80, 1, 0, 0, 0, 0, 81],
      solutions: 1,
    });
  });
  it('leaves cells unreadable where two splits fit', () => {
    // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both fit: only the agreed cells are read
    const r = splitPacked('110000011', T3_COLUMNS, t3fit, false);
    expect(r.solutions).toBeGreaterThan(1);
    expect(r.values[0]).toBeNull();
    expect(r.values[6]).toBe(11);
  });
  it('finds no split when none fits', () => {
    expect(splitPacked('9999999', T3_COLUMNS, t3fit, false).solutions).toBe(0);
  });
});

describe('tableGrid', () => {
  const table = (html: string) => {
    const doc = parse(`<table>${html}</table>`) as unknown as P5Node;
    const find = (n: P5Node): P5Node | null =>
      n.tagName === 'table' ? n : ((n.childNodes ?? []).map(find).find(Boolean) ?? null);
    return find(doc)!;
  };
  const text = (n: P5Node): string =>
    n.nodeName === '#text' ? (n.value ?? '') : (n.childNodes ?? []).map(text).join('');
  it('expands rowspan and colspan, every slot pointing back to its cell', () => {
    const grid = tableGrid(
      parse5Adapter,
      table('<tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>C</td><td>D</td></tr>'),
    );
    expect(grid.map((row) => row.map((slot) => text(slot.cell)))).toEqual([
      ['A', 'B', 'B'],
      ['A', 'C', 'D'],
    ]);
    expect(grid[1][0].origin).toBe(false);
    expect(grid[0][1].origin && !grid[0][2].origin).toBe(true);
  });
});

describe('title, year and body', () => {
  it('takes the title from the page title without the site and column', () => {
    expect(
      findTitle([], '平潭综合实验区2023年度政府信息公开工作年度报告_政府信息公开年报_平潭综合实验区党工委管委会'),
    ).toBe('平潭综合实验区2023年度政府信息公开工作年度报告');
  });
  it('joins a title printed over two lines', () => {
    expect(findTitle(['示例县人民政府2023年政府信息公开工作', '年度报告'])).toBe(
      '示例县人民政府2023年政府信息公开工作年度报告',
    );
  });
  it('reads the year from the title, else from the statistics period', () => {
    expect(findYear('示例县2022年政府信息公开工作年度报告', '')).toBe(2022);
    expect(findYear(null, '本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。')).toBe(2021);
  });
  it('finds the body in the title, in the publisher field, or in the signature', () => {
    expect(findOrgan([], '示例市生态环境局2023年政府信息公开工作年度报告')).toBe('示例市生态环境局');
    expect(findOrgan([], '2023年政府信息公开工作年度报告', '示例县发展和改革局')).toBe('示例县发展和改革局');
    expect(findOrgan(['……', '示例县人民政府办公室', '2024年1月20日'], null)).toBe('示例县人民政府办公室');
  });
});
