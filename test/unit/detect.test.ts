/** What is a report: titles, notices about reports, lists of reports, reports whose tables are images or attachments. */
import { describe, expect, it } from 'vitest';
import { isOtherDocumentTitle, isReportTitle } from '../../lib/detect';
import { analyzeHtml } from '../support/analyze';

describe('titles', () => {
  it.each([
    '平潭综合实验区2023年度政府信息公开工作年度报告',
    '莆田市人民政府2019年政府信息公开工作年度报告',
    '2024年度上海市科学技术委员会政府信息公开工作年度报告',
    '雙鴨山市2024年政府信息公開工作年度報告',
  ])('a report: %s', (title) => {
    expect(isReportTitle(title)).toBe(true);
    expect(isOtherDocumentTitle(title)).toBe(false);
  });
  it.each([
    '关于开展2024年度政府信息公开工作年度报告编制工作的通知',
    '关于做好2023年政府信息公开工作年度报告报送工作的通知',
    '2023年政府信息公开工作年度报告解读',
    '示例市2023年政府网站工作年度报表',
    '政府信息公开工作年度报告目录',
  ])('not a report: %s', (title) => {
    expect(isReportTitle(title)).toBe(false);
    expect(isOtherDocumentTitle(title)).toBe(true);
  });
  it('a column name without a year is not a report title', () => {
    expect(isReportTitle('政府信息公开年报')).toBe(false);
  });
});

const page = (title: string, body: string, meta = '') =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${meta}<title>${title}</title></head><body>${body}</body></html>`;

describe('pages', () => {
  it('a notice about compiling reports is not a report, and says why', async () => {
    const title = '关于开展2024年度政府信息公开工作年度报告编制工作的通知';
    const { report } = await analyzeHtml(
      page(
        title,
        `<h1>${title}</h1><p>各县（区）人民政府，市政府各部门：为做好2024年度政府信息公开工作年度报告编制和发布工作，现将有关事项通知如下。</p>`,
      ),
    );
    expect(report.status).toBe('not-a-report');
    expect(report.reason?.zh).toContain('不是');
    expect(report.organ).not.toBe('开展');
  });
  it('a column listing reports is not a report', async () => {
    const links = [2024, 2023, 2022, 2021, 2020]
      .map((y) => `<li><a href="/nb/${y}.html">示例市人民政府${y}年政府信息公开工作年度报告</a></li>`)
      .join('');
    const { report } = await analyzeHtml(
      page('政府信息公开年报_示例市人民政府', `<h2>政府信息公开年报</h2><ul>${links}</ul>`),
    );
    expect(report.status).toBe('not-a-report');
    expect(report.reason?.zh).toContain('列表');
  });
  it('the 政府网站工作年度报表 is not a report', async () => {
    const { report } = await analyzeHtml(
      page(
        '示例市人民政府2023年政府网站工作年度报表',
        '<table><tr><td>网站名称</td><td>示例市人民政府</td></tr><tr><td>独立用户访问总量</td><td>123456</td></tr></table>',
      ),
    );
    expect(report.status).toBe('not-a-report');
  });
  it('a report whose tables are an attachment: a report, said, with the attachment listed', async () => {
    const title = '示例县人民政府2023年政府信息公开工作年度报告';
    const { report } = await analyzeHtml(
      page(
        title,
        `<h1>${title}</h1><p>一、总体情况</p><p>2023年，示例县人民政府坚持……</p><p>附件：<a href="/files/2023nb.pdf">示例县2023年政府信息公开工作年度报告.pdf</a></p>`,
      ),
      'https://www.example.gov.cn/art/2024/1/20/art_1.html',
    );
    expect(report.status).toBe('error');
    expect(report.reason?.zh).toContain('附件');
    expect(report.attachments).toEqual([
      { text: '示例县2023年政府信息公开工作年度报告.pdf', href: 'https://www.example.gov.cn/files/2023nb.pdf' },
    ]);
    expect([report.organ, report.year]).toEqual(['示例县人民政府', 2023]);
  });
  it('a report whose tables are images: a report, said', async () => {
    const title = '示例县人民政府2023年政府信息公开工作年度报告';
    const { report } = await analyzeHtml(
      page(title, `<h1>${title}</h1><p>一、总体情况</p><p><img src="t2.png"></p><p><img src="t3.png"></p>`),
    );
    expect(report.status).toBe('error');
    expect(report.reason?.zh).toContain('图片');
  });
  it('the title names the body; the publisher metadata goes in its own field', async () => {
    const title = '莆田市人民政府2019年政府信息公开工作年度报告';
    const { report } = await analyzeHtml(
      page(title, `<h1>${title}</h1><p>一、总体情况</p>`, '<meta name="ContentSource" content="市府办">'),
    );
    expect([report.organ, report.publisher]).toEqual(['莆田市人民政府', '市府办']);
  });
});
