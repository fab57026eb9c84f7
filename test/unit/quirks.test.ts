/**
 * One test per quirk in shared/notes/quirks.md. Each builds the markup the quirk describes and
 * states, from that markup, what must be read.
 */
import { describe, expect, it } from 'vitest';
import { analyzeHtml, analyzeString, expectedOf } from '../support/analyze';
import { renderPage } from '../support/render';
import { rng } from '../support/report-cells';

// a consistent real report (seed 003, 瓯海区 2023) as a clean HTML page to put quirks into
const BASE = expectedOf('seeds/003_1011c9d1822b474b.expected.json');
const clean = () =>
  renderPage(
    { format: '2021', organ: '瓯海区人民政府办公室', year: 2023, cells: { ...BASE.cells }, style: 'template' },
    rng(1),
  ).content;

/** Replaces the `col`-th value cell (0-based, counting the row's value cells) of the row labelled `label`. */
function setCell(html: string, label: string, col: number, inner: string, attrs = ''): string {
  const at = html.indexOf(`>${label}</td>`);
  if (at < 0) throw new Error(`no row ${label}`);
  const rowStart = html.lastIndexOf('<tr>', at);
  const rowEnd = html.indexOf('</tr>', at);
  const row = html.slice(rowStart, rowEnd);
  const labelEnd = row.indexOf(`>${label}</td>`) + label.length + 6;
  const cells = row.slice(labelEnd).match(/<td[^>]*>.*?<\/td>/g)!;
  cells[col] = `<td${attrs}>${inner}</td>`;
  return html.slice(0, rowStart) + row.slice(0, labelEnd) + cells.join('') + html.slice(rowEnd);
}
const replaceOnce = (html: string, from: string, to: string) => {
  if (!html.includes(from)) throw new Error(`not found: ${from}`);
  return html.replace(from, to);
};
const cellsOf = async (html: string) => (await analyzeHtml(html)).report;

describe('containers and page chrome', () => {
  it('the same tables in TRS_Editor (unquoted), #zoom, <ucapcontent>, <article> or no container read the same', async () => {
    const body = clean().replace(/^[\s\S]*<div class="TRS_Editor">|<\/div><\/body><\/html>$/g, '');
    for (const wrap of [
      '<div class=TRS_Editor>%</div>',
      '<div id="zoom">%</div>',
      '<ucapcontent>%</ucapcontent>',
      '<article>%</article>',
      '%',
    ]) {
      const r = await cellsOf(`<html><body>${wrap.replace('%', body)}</body></html>`);
      expect(r.cells, wrap).toEqual(BASE.cells);
    }
  });
  it('an old portal laid out in nested tables, with side boxes of numbers, reads only the report', async () => {
    const article = clean().replace(/^[\s\S]*<body>|<\/body><\/html>$/g, '');
    const side =
      '<table><tr><td>本站统计</td></tr><tr><td>信息总数</td><td>2043</td></tr><tr><td>本年新收</td><td>77</td></tr></table>';
    const html = `<html><body><table><tr><td>${side}</td><td><table><tr><td>${article}</td></tr></table></td></tr></table></body></html>`;
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
  it("the report's words in the portal's menu before it (总体情况, 本年新收, 上年结转): the report is read from its table 三", async () => {
    const article = clean().replace(/^[\s\S]*<body>|<\/body><\/html>$/g, '');
    const menu =
      '<aside><a href="#">2023年度总体情况</a><p>本年新收政府信息公开申请办理说明</p><table><tr><td>上年结转</td></tr></table></aside>';
    const r = await cellsOf(`<html><body>${menu}<div class="content">${article}</div></body></html>`);
    expect(r.cells).toEqual(BASE.cells);
    expect(r.cellDetails['t3.new.total']?.loc).toMatch(/^table 2,/); // tables counted in the report's part only
  });
  it('a crawler header above the page and a trailing row of empty borderless &nbsp; cells change nothing', async () => {
    let html = replaceOnce(
      clean(),
      '<body>',
      '<body><div class="meta"><div>标题：采集</div><div>来源：http://x.gov.cn/</div><div>采集时间：2025-12-30</div></div>',
    );
    html = html.replace(
      /(<tr>(?:(?!<tr>).)*?四、结转下年度继续办理.*?<\/tr>)/,
      `$1<tr>${'<td style="border:none">&nbsp;</td>'.repeat(10)}</tr>`,
    );
    html = html
      .replaceAll('<table border="1">', '<div align="center"><table border="0">')
      .replaceAll('</table>', '</table></div>');
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
});

describe('headers and labels', () => {
  it('三、本年度办理结果 split into two rowspan cells, the second starting at （四）', async () => {
    let html = clean();
    const first = /<td rowspan="(\d+)">三、本年度办理结果<\/td>/.exec(html)!;
    html = html.replace(first[0], `<td rowspan="10">三、本年度办理结果</td>`);
    html = replaceOnce(
      html,
      '<td rowspan="3">（四）无法提供</td>',
      `<td rowspan="${Number(first[1]) - 10}">三、本年度办 理结果（续）</td><td rowspan="3">（四）无法提供</td>`,
    );
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
  it('one character per <p> in header cells, 结果<br/>纠正, labels split across spans and padded with &nbsp;', async () => {
    let html = clean();
    html = replaceOnce(html, '<td>结果纠正</td>', '<td><p>结</p><p>果</p><p>纠</p><p>正</p></td>');
    html = replaceOnce(html, '<td>其他结果</td>', '<td>其他<br/>结果</td>');
    html = replaceOnce(
      html,
      '>2.没有现成信息需要另行制作</td>',
      '><span>2.没有现成信</span><span>息需要另行制作</span></td>',
    );
    html = replaceOnce(html, '>（七）总计</td>', '><span>（七）总</span><span>计</span>&nbsp;</td>');
    html = replaceOnce(
      html,
      '<td>社会公益组织</td>',
      '<td>社会公益&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;组织</td>',
    );
    html = replaceOnce(
      html,
      '>一、本年新收政府信息公开申请数量</td>',
      '>一、本年新收政府信息<br/>&nbsp;&nbsp;&nbsp;公开申请数量&nbsp;</td>',
    );
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
  it('the heading typo 行政法复议 and 规范性文件 instead of 行政规范性文件', async () => {
    let html = replaceOnce(
      clean(),
      '四、政府信息公开行政复议、行政诉讼情况',
      '四、政府信息公开行政法复议、行政诉讼情况',
    );
    html = replaceOnce(html, '>行政规范性文件</td>', '>规范性文件</td>');
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
  it('a group label and its first sub-item in one cell; valign=top colspan=2 label cells', async () => {
    let html = replaceOnce(
      clean(),
      '<td rowspan="8">（三）不予公开</td><td colspan="1">1.属于国家秘密</td>',
      '<td colspan="2" valign="top">（三）不予公开 1.属于国家秘密</td>',
    );
    html = html.replace(/<td rowspan="8">（三）不予公开<\/td>/, '');
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
  it('an extra row 其他主动公开文件 in table 二 is ignored', async () => {
    const html = replaceOnce(
      clean(),
      '<tr><td colspan="4">第二十条第（五）项</td>',
      '<tr><td>其他主动公开文件</td><td>12</td><td>3</td><td>40</td></tr><tr><td colspan="4">第二十条第（五）项</td>',
    );
    expect((await cellsOf(html)).cells).toEqual(BASE.cells);
  });
});

describe('numbers', () => {
  it('digits split across inline elements: <span>2</span><span>0</span> is 20', async () => {
    const html = setCell(clean(), '（一）予以公开', 0, '<span>1</span><span>5</span>'); // seed 003: 予以公开 自然人 15
    expect((await cellsOf(html)).cells['t3.granted.natural']).toBe(15);
  });
  it('Word wrappers: <font>&nbsp;</font><font>5</font>, &nbsp;</span><span>1</span><span>&nbsp;, &nbsp; runs after a 0', async () => {
    let html = setCell(
      clean(),
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      0,
      '<font face="Calibri">&nbsp;</font><font face="仿宋_GB2312">16</font>',
    );
    html = setCell(
      html,
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      1,
      '<span>&nbsp;</span><span>9</span><span>&nbsp;</span>',
    );
    html = setCell(
      html,
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      2,
      '0&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;',
    );
    const r = await cellsOf(html);
    expect([r.cells['t3.partial.natural'], r.cells['t3.partial.business'], r.cells['t3.partial.research']]).toEqual([
      16, 9, 0,
    ]);
  });
  it('blank cells (&nbsp;, <o:p> </o:p>) are null, and a blank 总计 is "left blank", not wrong', async () => {
    let html = setCell(clean(), '2.重复申请', 0, '&nbsp;');
    html = setCell(html, '2.重复申请', 6, '<o:p> </o:p>');
    html = setCell(html, '（一）予以公开', 6, '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>');
    const r = await cellsOf(html);
    expect([
      r.cells['t3.rejected_duplicate.natural'],
      r.cells['t3.rejected_duplicate.total'],
      r.cells['t3.granted.total'],
    ]).toEqual([null, null, null]);
    const granted = r.findings.find((f) => f.rule === 't3-row-total' && f.cells.includes('t3.granted.total'))!;
    expect([granted.status, granted.severity, granted.expected]).toEqual(['fail', 'warning', 15]);
    expect(r.summary.errors).toBe(0);
  });
  it('full-width digits, thousands separators and units', async () => {
    let html = setCell(clean(), '行政许可', 0, '１２,３４５', ' colspan="3"');
    html = setCell(html, '行政事业性收费', 0, '24252.311082万元', ' colspan="3"');
    const r = await cellsOf(html);
    expect([r.cells['t2.licensing.decisions'], r.cells['t2.fees.amount']]).toEqual([12345, 24252.311082]);
  });
  it('2019 format: negative 本年增/减 and an amount with its unit (73802895.90元)', async () => {
    const cells = {
      ...expectedOf('real/11_shanghai_bgt_2019.expected.json').cells,
      't2.penalty.change': -18,
      't2.procurement.amount': 73802895.9,
    };
    let html = renderPage(
      { format: '2019', organ: '上海市人民政府办公厅', year: 2019, cells, style: 'template' },
      rng(3),
    ).content;
    html = setCell(html, '政府集中采购', 1, '73802895.90元');
    html = setCell(html, '行政处罚', 1, '-18');
    const r = await cellsOf(html);
    expect([r.cells['t2.penalty.change'], r.cells['t2.procurement.amount']]).toEqual([-18, 73802895.9]);
  });
  it('crawler text: a row’s digits run together (465000051 = 46,5,0,0,0,0,51), a space where cells met', async () => {
    // seed 003's own rows, printed the way crawler dumps print them
    const text = BASE_TEXT.replace(
      '一、本年新收政府信息公开申请数量 | 46 | 5 | 0 | 0 | 0 | 0 | 51 | ||',
      '一、本年新收政府信息公开申请数量465000051',
    ).replace(
      '二、上年结转政府信息公开申请数量 | 2 | 7 | 0 | 0 | 0 | 0 | 9 | ||',
      '二、上年结转政府信息公开申请数量270000 9',
    );
    const r = (await analyzeString(text)).report;
    const row = (k: string) =>
      ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'].map(
        (c) => r.cells[`t3.${k}.${c}`],
      );
    expect(row('new')).toEqual([46, 5, 0, 0, 0, 0, 51]);
    expect(row('carried_over')).toEqual([2, 7, 0, 0, 0, 0, 9]);
    expect(r.cellDetails['t3.new.natural'].derivedBy).toBe('t3-row-total');
    // 640020470 = 64,0,0,2,0,4,70 fits its own row total but not this table's columns: not used
    const odd = (
      await analyzeString(
        BASE_TEXT.replace(
          '一、本年新收政府信息公开申请数量 | 46 | 5 | 0 | 0 | 0 | 0 | 51 | ||',
          '一、本年新收政府信息公开申请数量640020470',
        ),
      )
    ).report;
    expect(['natural', 'legal', 'total'].map((c) => odd.cells[`t3.new.${c}`])).toEqual([null, null, null]);
    expect(
      odd.diagnostics.some((d) => d.cells.includes('t3.new.natural') && d.message.zh.includes('与列合计不符')),
    ).toBe(true);
  });
});

describe('content', () => {
  it('a real error is reported, never repaired: （七）总计 20 where the rows add up to 26', async () => {
    const html = setCell(clean(), '（七）总计', 0, '20'); // seed 003: the results add up to 43 for 自然人
    const r = await cellsOf(html);
    expect(r.cells['t3.total.natural']).toBe(20);
    const sum = r.findings.find((f) => f.rule === 't3-results-sum' && f.cells.includes('t3.total.natural'))!;
    expect([sum.severity, sum.expected, sum.actual]).toEqual(['error', 43, 20]);
  });
  it('not a report: an ordinary news page with tables of numbers', async () => {
    const r = await cellsOf(
      '<html><head><title>我县召开2024年重点项目推进会</title></head><body><table><tr><td>项目</td><td>投资</td></tr><tr><td>一</td><td>1200</td></tr></table></body></html>',
    );
    expect(r.status).toBe('not-a-report');
    expect(r.reason?.en).toMatch(/not an annual report/);
  });
});

import { readFixture } from '../support/analyze';
const BASE_TEXT = readFixture('seeds/003_1011c9d1822b474b.txt');
