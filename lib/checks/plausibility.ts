import { t3ResultRows } from '../format/relations';
import type { Finding } from '../model';
import type { CheckContext, Rule } from './context';
import { cellName } from './names';

const countIn = (ctx: CheckContext, key: string) => {
  const c = ctx.cells.get(key);
  return c?.state === 'number' ? c.value : c?.state === 'blank' ? 0 : null;
};

/** Figures that can be printed but are unlikely: worth a look, never an error. */
export const plausibility: Rule = {
  id: 'plausibility',
  run(ctx) {
    const findings: Finding[] = [];
    const flag = (cells: string[], zh: string, en: string) =>
      findings.push({ rule: 'plausibility', status: 'fail', severity: 'info', cells, message: { zh, en } });

    const fee = ctx.cells.get('t2.fees.amount');
    if (fee?.state === 'number' && fee.value !== null) {
      const decimals = /\.(\d+)/.exec(fee.text)?.[1].length ?? 0;
      // 万元 to 6 decimals is exact to the fen (several bodies print it so); more is below a fen
      if (decimals > 6)
        flag(
          ['t2.fees.amount'],
          `表二行政事业性收费（万元）为 ${fee.text.trim()}：小数超过 6 位（万元的第 6 位小数已是 1 分）`,
          `Table 2 fees (10k yuan) ${fee.text.trim()}: more than 6 decimals (the 6th is already one fen)`,
        );
      if (fee.value >= 10_000_000)
        flag(
          ['t2.fees.amount'],
          `表二行政事业性收费为 ${fee.value} 万元（超过 1000 亿元）：单位可能是元而非万元`,
          `Table 2 fees of ${fee.value} (10k yuan), over 100 billion yuan: the unit may be yuan`,
        );
    }

    const received = ['t3.new.total', 't3.carried_over.total'].map((k) => countIn(ctx, k));
    if (received.every((v) => v !== null)) {
      const total = received[0]! + received[1]!;
      for (const row of t3ResultRows(ctx.format)) {
        const key = `t3.${row}.total`;
        const v = countIn(ctx, key);
        if (v !== null && v > total)
          flag(
            [key, 't3.new.total', 't3.carried_over.total'],
            `${cellName(ctx.format, key)} 为 ${v}，多于收到的申请总数 ${total}（本年新收 + 上年结转）`,
            `${cellName(ctx.format, key, 'en')} is ${v}, more than the ${total} applications received`,
          );
      }
    }

    const review = countIn(ctx, 't4.review.total');
    const afterReview = countIn(ctx, 't4.suit_after_review.total');
    const prevReview = ctx.previous?.cells.get('t4.review.total');
    // a lawsuit may follow a review of an earlier year: only with last year's report beside this one
    const reviews =
      review === null || !prevReview || prevReview.state === 'unreadable' ? null : review + (prevReview.value ?? 0);
    if (reviews !== null && afterReview !== null && afterReview > reviews)
      flag(
        ['t4.suit_after_review.total', 't4.review.total'],
        `复议后起诉 ${afterReview} 件，多于本年和上年的行政复议共 ${reviews} 件`,
        `${afterReview} lawsuits after review, more than the ${reviews} reviews of this and last year`,
      );
    if (!findings.length)
      findings.push({
        rule: 'plausibility',
        status: 'pass',
        severity: 'info',
        cells: [],
        message: { zh: '未见不合常理的数字', en: 'no implausible figures' },
      });
    return findings;
  },
};
