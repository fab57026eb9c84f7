/**
 * What reviewers check beyond the sums: sections, section 五, tables as images, fees, the text's
 * claims, dates, names, plausibility. Each case is a real page, read as published or with one
 * edit a real report could have; the expected finding is what the edited words say.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../lib/model';
import { analyzeHtml, analyzeString, readFixture } from '../support/analyze';

const REVIEW_RULES = [
  'sections',
  'section-five',
  'table-missing',
  'fee-statement',
  'report-dates',
  'publication-deadline',
  'organ-names',
  'plausibility',
  'narrative-match',
  'format-year',
];
const failing = (report: Report, rule: string) => report.findings.filter((f) => f.rule === rule && f.status === 'fail');
const edit = (text: string, from: string | RegExp, to: string) => {
  const out = text.replace(from, to);
  expect(out, `edit ${from} not applied`).not.toBe(text);
  return out;
};

// seed 003: 瓯海区人民政府办公室 2023, every section present, fees stated (未收取), 统计期限 2023
const SEED = readFixture('seeds/003_1011c9d1822b474b.txt');
// 平潭综合实验区 2025: table 三（六）2 counts 2 applications dropped for an unpaid fee notice
const PINGTAN_2025 = readFixture('real/10_pingtan_2025.txt');
const TRS = readFixture('real/12_pingtan_2023_trs.html');

describe('on the fixture pages as published', () => {
  // every failing finding of these checks on the real pages, each read and judged by hand:
  // 10_pingtan_2025 says 无收取信息处理费 while its table counts 2 unpaid fee notices (true, info)
  const JUDGED: Record<string, string[]> = { 'real/10_pingtan_2025.txt': ['fee-statement info'] };
  const PAGES = [
    'real/04_pingtan_2019.txt',
    'real/05_pingtan_2020.txt',
    'real/06_pingtan_2023.txt',
    'real/07_pingtan_2021.txt',
    'real/08_pingtan_2022.txt',
    'real/09_pingtan_2024.txt',
    'real/10_pingtan_2025.txt',
    'real/11_shanghai_bgt_2019.html',
    'real/12_pingtan_2023_trs.html',
    'real/13_shanghai_kewei_2024_pdf2md.md',
    'real/14_shanghai_bgt_2025_pdf2md.md',
    'real/15_shuyang_fgj_2023_ucap.html',
    'seeds/000_7d12747508f9e08c.txt',
    'seeds/001_f0e1d37416cc1ab7.txt',
    'seeds/002_b0098351643ec3a4.txt',
    'seeds/003_1011c9d1822b474b.txt',
    'seeds/004_fbb51525c9b5bd86.txt',
  ];
  for (const path of PAGES) {
    it(`${path}: ${JUDGED[path]?.join(', ') ?? 'no alarm'}`, async () => {
      const text = readFixture(path);
      const { report } = path.endsWith('.html') ? await analyzeHtml(text, path) : await analyzeString(text, path);
      const fired = report.findings
        .filter((f) => REVIEW_RULES.includes(f.rule) && f.status === 'fail')
        .map((f) => `${f.rule} ${f.severity}`);
      expect(fired).toEqual(JUDGED[path] ?? []);
    });
  }
});

describe('sections', () => {
  it('all six found in a real report, in order, in the wordings it uses (行政法复议 typo included)', async () => {
    for (const path of [
      'seeds/003_1011c9d1822b474b.txt',
      'real/08_pingtan_2022.txt',
      'seeds/001_f0e1d37416cc1ab7.txt',
    ]) {
      const { report } = await analyzeString(readFixture(path), path);
      expect(report.findings.find((f) => f.rule === 'sections')?.status, path).toBe('pass');
    }
  });
  it('a section left out is named', async () => {
    const text = edit(SEED, /五、存在的主要问题及改进情况\n[^\n]*\n[^\n]*\n/, '');
    const { report } = await analyzeString(text);
    expect(failing(report, 'sections').map((f) => f.message.zh)).toEqual([
      '缺少章节：五、存在的主要问题及改进情况（年度报告格式要求六个部分齐全）',
    ]);
    expect(failing(report, 'sections')[0].severity).toBe('warning');
  });
  it('a section put after the one that should follow it is named, with the one it comes before', async () => {
    const five = /五、存在的主要问题及改进情况\n[^\n]*\n[^\n]*\n/.exec(SEED)![0];
    const { report } = await analyzeString(`${SEED.replace(five, '')}\n${five}`);
    expect(failing(report, 'sections').map((f) => f.message.zh)).toEqual([
      '章节顺序不对：六、其他需要报告的事项 排在 五、存在的主要问题及改进情况 之前',
    ]);
  });
  it('section 五 that says only 无 is flagged; a real one is not', async () => {
    const text = edit(SEED, /(五、存在的主要问题及改进情况\n)[^\n]*\n[^\n]*\n/, '$1无。\n');
    const { report } = await analyzeString(text);
    expect(failing(report, 'section-five').map((f) => [f.severity, f.message.zh])).toEqual([
      ['warning', '第五部分“存在的主要问题及改进情况”几乎为空（“无。”）'],
    ]);
  });
});

describe('fee statement against 表三（六）2', () => {
  it('the text rules notices out, the table counts 2 unpaid ones: an error on (六)2, expected 0', async () => {
    const { report } = await analyzeString(edit(PINGTAN_2025, '无收取信息处理费情况', '未发出收费通知'));
    const [f] = failing(report, 'fee-statement');
    expect(f).toMatchObject({ severity: 'error', cells: ['t3.other_unpaid_fee.total'], expected: 0, actual: 2 });
    expect(report.summary.errors).toBe(1);
  });
  it('notices counted: (六)2 may not exceed them', async () => {
    const over = await analyzeString(edit(PINGTAN_2025, '无收取信息处理费情况', '发出收费通知1件'));
    expect(failing(over.report, 'fee-statement')[0]).toMatchObject({ severity: 'error', expected: 1, actual: 2 });
    const within = await analyzeString(edit(PINGTAN_2025, '无收取信息处理费情况', '发出收费通知3件，申请人均未缴费'));
    expect(failing(within.report, 'fee-statement')).toEqual([]);
  });
  it('no statement at all: said, not guessed', async () => {
    const { report } = await analyzeString(edit(PINGTAN_2025, '2025年，无收取信息处理费情况。', ''));
    expect(report.findings.find((f) => f.rule === 'fee-statement')?.status).toBe('unchecked');
  });
  it('table 二 行政事业性收费 is never taken for the fee statement', async () => {
    // 10_pingtan_2025 prints 行政事业性收费 4166.241619 万元 in table 二
    const { report } = await analyzeString(edit(PINGTAN_2025, '2025年，无收取信息处理费情况。', ''));
    expect(failing(report, 'fee-statement')).toEqual([]);
  });
});

describe('the text against the tables', () => {
  it('a sentence about 办结 is a claim about 办结, quoted with its figure for the page to mark', async () => {
    // 瓯海区 2023: 收到 51, (七)总计 handled 51
    const text = edit(SEED, /一、\s*总体情况\n/, '一、总体情况\n全年依法按时办结依申请公开事项403件。\n');
    const { report } = await analyzeString(text);
    const [f] = failing(report, 'narrative-match');
    expect(f.message.zh).toMatch(/^正文所述办结申请数为 403（“.*依法按时办结依申请公开事项403件”）/);
    expect(f.quote).toEqual({ text: expect.stringContaining('办结依申请公开事项403件'), figure: '403' });
    expect(
      report.findings.filter((x) => x.rule === 'narrative-match' && x.message.zh.includes('收到申请数为')),
    ).toEqual([]);
  });
  it('予以公开及部分公开 is the sum of both rows, not 部分公开 alone', async () => {
    const { report } = await analyzeString(readFixture('real/06_pingtan_2023.txt'));
    const both = report.findings.find((f) => f.message.zh.startsWith('正文所述予以公开及部分公开数'));
    expect(both?.status).toBe('pass');
    expect(both?.cells).toEqual(['t3.granted.total', 't3.partial.total']);
  });
});

describe('dates and names', () => {
  it('a 统计期限 of another year is a warning quoting it', async () => {
    // 平潭综合实验区 2023 (TRS page): the title says 2023
    const { report } = await analyzeHtml(edit(TRS, '统计期限自2023年1月1日', '统计期限自2022年1月1日'));
    expect(report.year).toBe(2023);
    expect(failing(report, 'report-dates').map((f) => f.message.zh)).toEqual([
      expect.stringMatching(/^报告年度为 2023，统计期限却写 2022 年（“统计期限自2022年1月1日/),
    ]);
  });
  it('published late: an info with the date and the guess said as a guess', async () => {
    const on = await analyzeHtml(TRS, 'trs.html');
    expect(on.report.published).toBe('2024-03-08');
    expect(on.report.findings.find((f) => f.rule === 'publication-deadline')?.status).toBe('pass');
    const { report } = await analyzeHtml(edit(TRS, 'content="2024-03-08 15:34"', 'content="2024-04-12 09:00"'));
    expect(failing(report, 'publication-deadline')).toMatchObject([
      {
        severity: 'info',
        message: {
          zh: '发布于 2024-04-12，晚于 2024 年 3月31日（按名称“平潭综合实验区”推测为县级以上人民政府，仅供参考）',
        },
      },
    ]);
  });
  it('published before the year ended: a warning', async () => {
    const { report } = await analyzeHtml(edit(TRS, 'content="2024-03-08 15:34"', 'content="2023-12-20 09:00"'));
    expect(failing(report, 'report-dates').map((f) => f.message.zh)).toEqual([
      '2023 年度报告的发布日期为 2023-12-20，早于该年度结束',
    ]);
  });
  it('a publisher that is another body: info naming both; an abbreviation is the same body', async () => {
    const other = await analyzeHtml(edit(TRS, 'content="平潭综合实验区管委会办公室"', 'content="福州市数据管理局"'));
    expect(failing(other.report, 'organ-names')).toMatchObject([
      { severity: 'info', message: { zh: '机关名称不一致：标题“平潭综合实验区”、发布机构“福州市数据管理局”' } },
    ]);
    const short = await analyzeHtml(
      edit(TRS, 'content="平潭综合实验区管委会办公室"', 'content="平潭综合实验区管理委员会"'),
    );
    expect(failing(short.report, 'organ-names')).toEqual([]);
  });
});

describe('tables that are not text', () => {
  it('table 四 published as an image: a warning naming it, and nothing claimed of its cells', async () => {
    const heading = TRS.indexOf('政府信息公开行政复议');
    const start = TRS.indexOf('<table', heading);
    const end = TRS.indexOf('</table>', start) + '</table>'.length;
    const html = `${TRS.slice(0, start)}<p><img src="/images/t4.png" alt=""></p>${TRS.slice(end)}`;
    const { report } = await analyzeHtml(html);
    expect(failing(report, 'table-missing').map((f) => f.message.zh)).toEqual([
      expect.stringMatching(/^表四（行政复议、行政诉讼情况）为图片\/附件，无法核验（本页有 \d+ 张图片）$/),
    ]);
    expect(report.cells['t4.review.total']).toBeNull();
  });
});

describe('template', () => {
  it('the 2019 template on a later year names the headers that give it away', async () => {
    const html = readFixture('real/11_shanghai_bgt_2019.html').replaceAll('2019年', '2022年');
    const { report } = await analyzeHtml(html);
    expect(report.year).toBe(2022);
    expect(failing(report, 'format-year')[0].message.zh).toMatch(
      /^2022 年度报告应使用 2021 年版格式，实际为 2019 年版（表中有“本年新制作数量”/,
    );
  });
});
