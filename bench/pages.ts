import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderPage } from '../test/support/render';
import { randomCells, rng } from '../test/support/report-cells';

const REAL = resolve('test/fixtures/real');

/** A large ordinary gov.cn page: a news column, many links, long tables. Not a report. */
export const ordinaryLargePage = () =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务要闻_示例县人民政府</title></head><body><nav>${'<a href="#">栏目</a>'.repeat(200)}</nav>${Array.from({ length: 2000 }, (_, i) => `<p>第${i}段：县政府召开常务会议，研究部署近期重点工作${i}。</p>`).join('')}${`<table>${Array.from({ length: 300 }, (_, i) => `<tr><td>${i}</td><td>通知${i}</td><td>2024-01-0${i % 9}</td></tr>`).join('')}</table>`.repeat(5)}</body></html>`;

/** A notice about compiling the reports: it names them, and is not one. */
export const noticePage = () =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ArticleTitle" content="关于开展2024年度政府信息公开工作年度报告编制工作的通知"><title>关于开展2024年度政府信息公开工作年度报告编制工作的通知_通知公告_示例市人民政府</title></head><body><nav>${'<a href="#">栏目</a>'.repeat(60)}</nav><h1>关于开展2024年度政府信息公开工作年度报告编制工作的通知</h1>${Array.from({ length: 40 }, (_, i) => `<p>各县（区）人民政府，市政府各部门：为做好2024年度政府信息公开工作年度报告编制和发布工作，现将有关事项通知如下（${i}）。</p>`).join('')}</body></html>`;

/** A news article of ordinary size: what most gov.cn pages a user opens look like. */
export const articlePage = () =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>县政府召开常务会议_政务要闻_示例县人民政府</title></head><body><nav>${'<a href="#">栏目</a>'.repeat(40)}</nav><h1>县政府召开常务会议</h1>${Array.from({ length: 25 }, (_, i) => `<p>会议研究部署近期重点工作，强调要扎实推进各项任务落实（${i}）。</p>`).join('')}<table><tr><td>附件</td><td>会议纪要.pdf</td></tr></table></body></html>`;

/** The pages the bench loads, and which of them are reports. */
export function benchPages(): { pages: Record<string, string>; reports: string[] } {
  const faulty = randomCells('2021', rng(3));
  faulty['t3.granted.natural'] = (faulty['t3.granted.natural'] as number) + 2;
  const pages: Record<string, string> = {
    '/real/12_pingtan_2023_trs.html': readFileSync(join(REAL, '12_pingtan_2023_trs.html'), 'utf8'),
    '/real/15_shuyang_fgj_2023_ucap.html': readFileSync(join(REAL, '15_shuyang_fgj_2023_ucap.html'), 'utf8'),
    '/real/11_shanghai_bgt_2019.html': readFileSync(join(REAL, '11_shanghai_bgt_2019.html'), 'utf8'),
    '/generated-faulty.html': renderPage(
      { format: '2021', organ: '示例县人民政府', year: 2024, cells: faulty, style: 'word', chrome: 'layout-table' },
      rng(4),
    ).content,
    '/ordinary-large.html': ordinaryLargePage(),
    '/article.html': articlePage(),
    '/notice.html': noticePage(),
  };
  return { pages, reports: Object.keys(pages).filter((p) => p.startsWith('/real/') || p.startsWith('/generated')) };
}
