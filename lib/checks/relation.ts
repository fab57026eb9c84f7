import type { ExtractedCell } from '../extract/assemble';
import type { FormatId } from '../format/layouts';
import type { Finding, RuleId } from '../model';
import { cellName } from './names';

export interface Relation {
  rule: RuleId;
  format: FormatId;
  /** the cells that add up to the expected value */
  parts: string[];
  /** the cells whose sum is the printed result */
  result: string[];
  /** how to say it: `{label}` is the instance (a column, a row, a group) */
  label: { zh: string; en: string };
}

const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

/**
 * Evaluates `sum(parts) = sum(result)`. A blank cell is read as 0 and said; a relation that fails
 * only through blank cells is a warning ("left blank, expected N"); an unreadable cell makes it
 * `unchecked`, never a pass.
 */
export function evaluate(rel: Relation, cells: ReadonlyMap<string, ExtractedCell>): Finding {
  const all = [...rel.parts, ...rel.result];
  const get = (k: string) => cells.get(k);
  const name = (k: string, lang: 'zh' | 'en') => cellName(rel.format, k, lang);
  const unreadable = all.filter((k) => get(k)?.state !== 'number' && get(k)?.state !== 'blank');
  if (unreadable.length) {
    return {
      rule: rel.rule,
      status: 'unchecked',
      severity: 'info',
      cells: all,
      message: {
        zh: `${rel.label.zh}：无法核验，${unreadable
          .map((k) => name(k, 'zh'))
          .slice(0, 3)
          .join('、')}${unreadable.length > 3 ? ' 等' : ''}无法读取`,
        en: `${rel.label.en}: not checked, unreadable: ${unreadable
          .map((k) => name(k, 'en'))
          .slice(0, 3)
          .join(', ')}${unreadable.length > 3 ? ' …' : ''}`,
      },
    };
  }
  const derived = all.filter((k) => get(k)?.derivedBy === rel.rule);
  if (derived.length === all.length) {
    return {
      rule: rel.rule,
      status: 'unchecked',
      severity: 'info',
      cells: all,
      message: {
        zh: `${rel.label.zh}：该行数字连写，已按此关系拆分，不能再据此核验`,
        en: `${rel.label.en}: the row's digits were run together and split using this relation, so it cannot check them`,
      },
    };
  }
  const value = (k: string) => get(k)?.value ?? 0;
  const blanks = all.filter((k) => get(k)?.state === 'blank');
  const expected = sum(rel.parts.map(value));
  const actual = sum(rel.result.map(value));
  const base = { rule: rel.rule, cells: all, expected, actual, ...(blanks.length ? { blankAsZero: blanks } : {}) };
  if (expected === actual) {
    return {
      ...base,
      status: 'pass',
      severity: 'info',
      message: {
        zh: `${rel.label.zh}：${expected} = ${actual}${blanks.length ? `（${blanks.length} 个空白格按 0 计）` : ''}`,
        en: `${rel.label.en}: ${expected} = ${actual}${blanks.length ? ` (${blanks.length} blank cells read as 0)` : ''}`,
      },
    };
  }
  const blankResults = rel.result.filter((k) => get(k)?.state === 'blank');
  const blankParts = rel.parts.filter((k) => get(k)?.state === 'blank');
  // failing only because of blank cells: the blank side is the smaller one
  const onlyBlank = (blankResults.length > 0 && actual < expected) || (blankParts.length > 0 && expected < actual);
  if (onlyBlank) {
    const gap = Math.abs(expected - actual);
    const blankSide = actual < expected ? blankResults : blankParts;
    const list = (lang: 'zh' | 'en') =>
      blankSide
        .slice(0, 3)
        .map((k) => name(k, lang))
        .join(lang === 'zh' ? '、' : ', ') +
      (blankSide.length > 3
        ? lang === 'zh'
          ? ` 等 ${blankSide.length} 格`
          : ` and ${blankSide.length - 3} more`
        : '');
    return {
      ...base,
      status: 'fail',
      severity: 'warning',
      message: {
        zh: `${rel.label.zh}：${list('zh')} 留空${blankSide.length === 1 ? `，应为 ${gap}` : `，合计应为 ${gap}`}`,
        en: `${rel.label.en}: ${list('en')} left blank; expected ${gap}${blankSide.length > 1 ? ' in total' : ''}`,
      },
    };
  }
  return {
    ...base,
    status: 'fail',
    severity: 'error',
    message: {
      zh: `${rel.label.zh}：应为 ${expected}，表中为 ${actual}（差 ${sum([actual, -expected])}）`,
      en: `${rel.label.en}: expected ${expected}, printed ${actual} (off by ${sum([actual, -expected])})`,
    },
  };
}
