import type { Finding } from '../model';
import { sectionText } from '../extract/sections';
import type { Rule } from './context';
import { textFinding } from './context';

const UNPAID = 't3.other_unpaid_fee.total';

/** The text says no fee notice went out: then no application can have lapsed for an unpaid fee. */
const FEE = '(?:政府)?(?:信息公开)?(?:的)?(?:信息)?处理费';
const NO_NOTICE = [
  /未(?:向申请人)?(?:发出|发放|出具|制发|送达|开具)(?:过)?(?:任何)?(?:信息处理费)?(?:收费|缴费)通知/,
  /(?:收费|缴费)通知(?:书)?(?:共)?(?:为)?0(?:件|份|次|个)/,
  // a body that does not charge at all sends no notices
  new RegExp(`(?:不|免予?)收取(?:任何)?${FEE}|免收${FEE}`),
];
/** The text says no fee was collected: notices may still have gone out and not been paid. */
const NOT_COLLECTED = [
  new RegExp(`(?:未|没有|无)(?:向申请人)?(?:收取|征收|收)(?:任何)?${FEE}`),
  new RegExp(`${FEE}[^。；;\\d]{0,8}?0(?:\\.0+)?(?:元|万元)`),
  /未(?:发生|产生|涉及)(?:政府信息公开)?(?:信息处理费)?(?:的)?收费/,
  /无(?:政府信息公开)?(?:信息处理费)?收费(?:情况|事项|行为)/,
];
const COUNTED =
  /(?:发出|发放|出具|制发|送达|开具)(?:了)?(?:信息处理费)?(?:收费|缴费)通知(?:书)?(?:共)?(\d+)(?:件|份|次|个)/;

function quoteOf(text: string, re: RegExp): { text: string; index: number; match: RegExpExecArray } | null {
  const m = re.exec(text);
  if (!m) return null;
  const start = Math.max(text.lastIndexOf('。', m.index) + 1, m.index - 30);
  const end = text.indexOf('。', m.index + m[0].length);
  return { text: text.slice(start, end < 0 ? m.index + m[0].length : end + 1).slice(0, 90), index: m.index, match: m };
}

/**
 * Section 六's statement of 信息处理费 against table 三（六）2 (applications dropped because a fee
 * notice went unpaid). Never table 二's 行政事业性收费: that is the body's general fees.
 */
export const feeStatement: Rule = {
  id: 'fee-statement',
  run(ctx) {
    if (ctx.format !== '2021' || !ctx.sections) return [];
    const text = sectionText(ctx.sections, 'other') ?? ctx.sections.text;
    const cell = ctx.cells.get(UNPAID);
    const counted = quoteOf(text, COUNTED);
    const noNotice = NO_NOTICE.map((re) => quoteOf(text, re)).find(Boolean) ?? null;
    const notCollected = NOT_COLLECTED.map((re) => quoteOf(text, re)).find(Boolean) ?? null;
    const statement = counted ?? noNotice ?? notCollected;
    if (!statement)
      return [
        textFinding('fee-statement', 'unchecked', 'info', {
          zh: '第六部分未见信息处理费的收取情况说明',
          en: 'section 6 does not state the information processing fees (信息处理费)',
        }),
      ];
    const quote = { text: statement.text };
    if (!cell || cell.state === 'unreadable')
      return [
        textFinding(
          'fee-statement',
          'unchecked',
          'info',
          {
            zh: '表三（六）2 无法读取，不能与正文的收费说明核对',
            en: 'table 3 (6)2 is unreadable; the fee statement cannot be compared',
          },
          { cells: [UNPAID], quote },
        ),
      ];
    const unpaid = cell.value ?? 0;
    const base: Partial<Finding> = { cells: [UNPAID], actual: unpaid, quote };
    if (counted) {
      const notices = Number(counted.match[1]);
      return [
        unpaid > notices
          ? textFinding(
              'fee-statement',
              'fail',
              'error',
              {
                zh: `正文称发出收费通知 ${notices} 件（“${counted.text}”），表三（六）2“逾期未按收费通知要求缴纳费用”却为 ${unpaid} 件`,
                en: `the text counts ${notices} fee notices, but table 3 (6)2 (fee not paid) is ${unpaid}`,
              },
              { ...base, expected: notices },
            )
          : textFinding('fee-statement', 'pass', 'info', {
              zh: `收费通知 ${notices} 件，表三（六）2 为 ${unpaid} 件，不超过通知数`,
              en: `${notices} fee notices; table 3 (6)2 is ${unpaid}, not more`,
            }),
      ];
    }
    if (unpaid === 0)
      return [
        textFinding('fee-statement', 'pass', 'info', {
          zh: '正文称未收取信息处理费，表三（六）2 为 0',
          en: 'no fees according to the text; table 3 (6)2 is 0',
        }),
      ];
    if (noNotice)
      return [
        textFinding(
          'fee-statement',
          'fail',
          'error',
          {
            zh: `正文称未发出收费通知/未收费（“${noNotice.text}”），表三（六）2“逾期未按收费通知要求缴纳费用”却为 ${unpaid} 件，应为 0`,
            en: `the text says no fee notice was issued, but table 3 (6)2 (fee not paid) is ${unpaid}; it should be 0`,
          },
          { ...base, expected: 0 },
        ),
      ];
    // 未收取 only: a notice the applicant never paid agrees with it; the text leaves the notices
    // unsaid, which is worth a look, not an alarm
    return [
      textFinding(
        'fee-statement',
        'fail',
        'info',
        {
          zh: `正文称未收取信息处理费（“${notCollected!.text}”），表三（六）2“逾期未按收费通知要求缴纳费用”有 ${unpaid} 件：即发出过收费通知而申请人未缴费，正文未提及收费通知`,
          en: `the text says no fee was collected; table 3 (6)2 counts ${unpaid} applications dropped for an unpaid fee notice, so notices went out, which the text does not mention`,
        },
        base,
      ),
    ];
  },
};
