import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/checks/index';
import type { CheckContext } from '../../lib/checks/context';
import type { ExtractedCell } from '../../lib/extract/assemble';
import { expectedOf } from '../support/analyze';

// seed 001 (双鸭山市 2024) is consistent: every relation holds
const BASE = expectedOf('seeds/001_f0e1d37416cc1ab7.expected.json').cells;

function ctx(
  changes: Record<string, number | null | 'unreadable'> = {},
  extra: Partial<CheckContext> = {},
): CheckContext {
  const cells = new Map<string, ExtractedCell>();
  for (const [key, v] of Object.entries({ ...BASE, ...changes })) {
    if (v === 'unreadable')
      cells.set(key, { key, value: null, state: 'unreadable', text: '?', ref: null, loc: '', reason: 'test' });
    else
      cells.set(key, {
        key,
        value: v,
        state: v === null ? 'blank' : 'number',
        text: String(v ?? ''),
        ref: null,
        loc: '',
      });
  }
  return { format: '2021', year: 2024, organ: '双鸭山市', cells, narrative: '', ...extra };
}
const rule = (id: string) => RULES.find((r) => r.id === id)!;
const fails = (id: string, c: CheckContext) =>
  rule(id)
    .run(c)
    .filter((f) => f.status === 'fail');

describe('every relation holds on a consistent report', () => {
  for (const r of RULES) {
    it(r.id, () => {
      const findings = r.run(ctx());
      expect(findings.filter((f) => f.status === 'fail')).toEqual([]);
      expect(findings.filter((f) => f.status === 'unchecked')).toEqual([]);
    });
  }
});

describe('t3-balance', () => {
  it('new + carried over ≠ total + carried forward in one column: one error naming exactly those four cells', () => {
    const f = fails(
      't3-balance',
      ctx({ 't3.carried_forward.legal': (BASE['t3.carried_forward.legal'] as number) + 2 }),
    );
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('error');
    expect(f[0].cells).toEqual(['t3.new.legal', 't3.carried_over.legal', 't3.total.legal', 't3.carried_forward.legal']);
    expect(f[0].expected).toBe((BASE['t3.new.legal'] as number) + (BASE['t3.carried_over.legal'] as number));
  });
});

describe('t3-results-sum', () => {
  it('a result row changed: the column sum fails, naming the results and the total', () => {
    const f = fails(
      't3-results-sum',
      ctx({ 't3.withheld_secret.natural': (BASE['t3.withheld_secret.natural'] as number) + 5 }),
    );
    expect(f).toHaveLength(1);
    expect(f[0].cells).toContain('t3.withheld_secret.natural');
    expect(f[0].cells).toContain('t3.total.natural');
    expect(f[0].cells).not.toContain('t3.new.natural');
    expect(f[0].expected! - f[0].actual!).toBe(5);
  });
  it('a blank （七）总计 is a warning "left blank, expected N", not an error', () => {
    const f = fails('t3-results-sum', ctx({ 't3.total.research': null }));
    expect(f).toHaveLength(1);
    expect(f[0].severity).toBe('warning');
    expect(f[0].message.zh).toContain('留空');
    expect(f[0].blankAsZero).toEqual(['t3.total.research']);
  });
});

describe('t3-row-total', () => {
  it('one row off: one error for that row only', () => {
    const f = fails('t3-row-total', ctx({ 't3.partial.total': (BASE['t3.partial.total'] as number) + 1 }));
    expect(f).toHaveLength(1);
    expect(f[0].cells).toEqual([
      't3.partial.natural',
      't3.partial.business',
      't3.partial.research',
      't3.partial.nonprofit',
      't3.partial.legal',
      't3.partial.other_org',
      't3.partial.total',
    ]);
    expect(f[0].actual).toBe((BASE['t3.partial.total'] as number) + 1);
  });
  it('two rows off: two findings', () => {
    const f = fails('t3-row-total', ctx({ 't3.partial.total': 999, 't3.granted.natural': 0 }));
    expect(f.map((x) => x.cells.at(-1))).toEqual(['t3.granted.total', 't3.partial.total']);
  });
  it('an unreadable cell makes the relation unchecked, never a pass', () => {
    const all = rule('t3-row-total').run(ctx({ 't3.granted.business': 'unreadable' }));
    const granted = all.find((x) => x.cells.includes('t3.granted.business'))!;
    expect(granted.status).toBe('unchecked');
  });
});

describe('t4-group-total', () => {
  it('group total off: error on that group', () => {
    const f = fails('t4-group-total', ctx({ 't4.suit_direct.pending': 3 }));
    expect(f).toHaveLength(1);
    expect(f[0].cells).toEqual([
      't4.suit_direct.upheld',
      't4.suit_direct.corrected',
      't4.suit_direct.other',
      't4.suit_direct.pending',
      't4.suit_direct.total',
    ]);
  });
});

describe('cell-value', () => {
  it('text that is not a number is an error on that cell', () => {
    const c = ctx();
    (c.cells as Map<string, ExtractedCell>).set('t2.penalty.decisions', {
      key: 't2.penalty.decisions',
      value: null,
      state: 'unreadable',
      text: '若干',
      ref: null,
      loc: '',
      unreadable: 'not-a-number',
      reason: 'not a number: "若干"',
    });
    const f = fails('cell-value', c);
    expect(f).toHaveLength(1);
    expect([f[0].severity, f[0].cells]).toEqual(['error', ['t2.penalty.decisions']]);
  });
  it('a negative count and a fractional count are errors; blank cells one warning per table', () => {
    const f = fails('cell-value', ctx({ 't3.new.research': -1, 't4.review.upheld': 1.5, 't2.rules.issued': null }));
    expect(
      f
        .filter((x) => x.severity === 'error')
        .map((x) => x.cells[0])
        .sort(),
    ).toEqual(['t3.new.research', 't4.review.upheld']);
    expect(f.filter((x) => x.severity === 'warning').map((x) => x.cells)).toEqual([['t2.rules.issued']]);
  });
  it('a cell the reader could not read is unchecked, not an error in the report', () => {
    const f = rule('cell-value').run(ctx({ 't3.new.natural': 'unreadable' }));
    expect(f.find((x) => x.cells[0] === 't3.new.natural')?.status).toBe('unchecked');
  });
});

describe('narrative-match', () => {
  it('the received count in the text matches new (or new + carried over): pass', () => {
    const newTotal = BASE['t3.new.total'] as number;
    const f = rule('narrative-match').run(ctx({}, { narrative: `2024年共收到政府信息公开申请${newTotal}件。` }));
    expect(f.map((x) => x.status)).toEqual(['pass']);
  });
  it('a different count is a warning naming t3.new.total', () => {
    const f = fails('narrative-match', ctx({}, { narrative: '2024年，全市共收到政府信息公开申请12件。' }));
    expect(f).toHaveLength(1);
    expect([f[0].severity, f[0].cells, f[0].actual]).toEqual(['warning', ['t3.new.total'], 12]);
  });
  it('text about another scope (one office, a part) raises nothing', () => {
    for (const narrative of ['2024年，市政府办公室受理政府信息公开申请17件。', '其中，本机关收到申请3件。']) {
      expect(fails('narrative-match', ctx({}, { narrative }))).toEqual([]);
    }
  });
  it('review and lawsuit counts', () => {
    const f = fails(
      'narrative-match',
      ctx(
        { 't4.review.total': 2, 't4.suit_direct.total': 0, 't4.suit_after_review.total': 0 },
        { narrative: '因政府信息公开引起的行政复议案件3件、行政诉讼案件0件。' },
      ),
    );
    expect(f.map((x) => [x.cells, x.expected, x.actual])).toEqual([[['t4.review.total'], 2, 3]]);
  });
});

describe('format-year', () => {
  it('2019 format on a 2022 report is a warning; 2021 format on 2024 passes', () => {
    expect(fails('format-year', ctx({}, { format: '2019', year: 2022 }))[0].severity).toBe('warning');
    expect(fails('format-year', ctx())).toEqual([]);
  });
});

describe('cross-year', () => {
  const prevCells = (changes: Record<string, number>) =>
    new Map(
      Object.entries({ ...BASE, ...changes }).map(([k, v]) => [
        k,
        { key: k, value: v, state: 'number', text: '', ref: null, loc: '' } as ExtractedCell,
      ]),
    );
  it('carry-over must equal last year’s carried forward, per column', () => {
    const previous = {
      year: 2023,
      format: '2021' as const,
      cells: prevCells({ 't3.carried_forward.natural': (BASE['t3.carried_over.natural'] as number) + 4 }),
    };
    const f = fails('cross-year-carry', ctx({}, { previous }));
    expect(f.map((x) => x.cells)).toEqual([['t3.carried_over.natural']]);
    expect(f[0].severity).toBe('warning');
  });
  it('in force = last year + issued − repealed', () => {
    const inForce = BASE['t2.normative.in_force'] as number;
    const issued = BASE['t2.normative.issued'] as number;
    const repealed = BASE['t2.normative.repealed'] as number;
    const ok = {
      year: 2023,
      format: '2021' as const,
      cells: prevCells({
        't2.normative.in_force': inForce - issued + repealed,
        't2.rules.in_force': BASE['t2.rules.in_force'] as number,
      }),
    };
    expect(fails('cross-year-in-force', ctx({}, { previous: ok }))).toEqual([]);
    const bad = {
      ...ok,
      cells: prevCells({ 't2.normative.in_force': inForce, 't2.rules.in_force': BASE['t2.rules.in_force'] as number }),
    };
    const f = fails('cross-year-in-force', ctx({}, { previous: bad }));
    expect(f.map((x) => x.cells)).toEqual([['t2.normative.issued', 't2.normative.repealed', 't2.normative.in_force']]);
  });
  it('nothing without a previous report', () => {
    expect(rule('cross-year-carry').run(ctx())).toEqual([]);
  });
});
