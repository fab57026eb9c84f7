/** docs/format.md names every check, cell key, JSON field and diagnostic code the code has. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../../lib/extract/assemble';
import { cellsOf } from '../../lib/format/layouts';
import { Report, RuleId } from '../../lib/model';

const DOC = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');
const named = (word: string) => DOC.includes(`\`${word}\``);

describe('docs/format.md', () => {
  it('documents every check id', () => {
    expect(RuleId.options.filter((id) => !named(id))).toEqual([]);
  });
  it('documents every cell key of both formats (tables 三 and 四 by their row and column names)', () => {
    const missing: string[] = [];
    for (const id of ['2021', '2019'] as const) {
      for (const { key } of cellsOf(id)) {
        const [table, row, column] = key.split('.');
        if (table === 't2' ? !named(key) : !(named(row) && named(column))) missing.push(key);
      }
    }
    expect(missing).toEqual([]);
  });
  it('documents every field of the exported JSON', () => {
    expect(Object.keys(Report.shape).filter((f) => !named(f))).toEqual([]);
    expect(Object.keys(Report.shape.summary.shape).filter((f) => !named(f))).toEqual([]);
  });
  it('documents every diagnostic code', () => {
    const codes: DiagnosticCode[] = [
      'label-missing',
      'row-unreadable',
      'table-missing',
      'values-unplaced',
      'packed-split',
      'figure-joined',
    ];
    const declared = readFileSync(new URL('../../lib/extract/cells.ts', import.meta.url), 'utf8')
      .match(/DiagnosticCode =([^;]+);/)![1]
      .match(/'[a-z-]+'/g)!
      .map((c) => c.slice(1, -1));
    expect(declared.sort()).toEqual([...codes].sort());
    expect(codes.filter((c) => !named(c))).toEqual([]);
  });
  it('fails when a check id is taken out', () => {
    const without = DOC.replaceAll('`t3-balance`', 't3 balance');
    expect(RuleId.options.filter((id) => !without.includes(`\`${id}\``))).toEqual(['t3-balance']);
  });
});
