import type { Finding } from '../model';
import { cellValue } from './cell-value';
import type { CheckContext, Rule } from './context';
import { crossYearCarry, crossYearInForce } from './cross-year';
import { organNames, publicationDeadline, reportDates } from './dates';
import { feeStatement } from './fees';
import { formatYear } from './format-year';
import { narrativeMatch } from './narrative-match';
import { plausibility } from './plausibility';
import { sectionFive, sectionsPresent, tableMissing } from './structure';
import { t3Balance } from './t3-balance';
import { t3ResultsSum } from './t3-results-sum';
import { t3RowTotal } from './t3-row-total';
import { t4GroupTotal } from './t4-group-total';

/** Every check, in the order the UI lists them. */
export const RULES: readonly Rule[] = [
  t3Balance,
  t3ResultsSum,
  t3RowTotal,
  t4GroupTotal,
  cellValue,
  feeStatement,
  narrativeMatch,
  tableMissing,
  sectionsPresent,
  sectionFive,
  formatYear,
  reportDates,
  crossYearCarry,
  crossYearInForce,
  publicationDeadline,
  organNames,
  plausibility,
];

/** Runs every rule; one rule failing never stops the others. */
export function runChecks(ctx: CheckContext, rules: readonly Rule[] = RULES): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    try {
      findings.push(...rule.run(ctx));
    } catch (error) {
      findings.push({
        rule: rule.id,
        status: 'unchecked',
        severity: 'info',
        cells: [],
        message: { zh: `检查出错：${String(error).slice(0, 120)}`, en: `check failed: ${String(error).slice(0, 120)}` },
      });
    }
  }
  return findings;
}
export type { CheckContext, Rule };
