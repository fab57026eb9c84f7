import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { FIXTURES } from '../support/analyze';
import { renderPage } from '../support/render';
import {
  type Cells,
  T3_COLS,
  T3_RESULTS_2021,
  randomCells,
  rng,
  withCarryBreak,
  yearsOfOneBody,
} from '../support/report-cells';

/** A consistent generated report, and the same with one figure wrong. */
export const CLEAN_CELLS = randomCells('2021', rng(2024));
export const FAULTY_CELLS = { ...CLEAN_CELLS, 't3.granted.natural': (CLEAN_CELLS['t3.granted.natural'] as number) + 3 };

/** 予以公开·自然人 is 3 too high: its row total (t3-row-total) and the 自然人 column of the results (t3-results-sum) fail, every cell of both. */
export const FAULTY_MARKS = new Set([
  ...[...T3_COLS, 'total'].map((c) => `t3.granted.${c}`),
  ...T3_RESULTS_2021.map((r) => `t3.${r}.natural`),
  't3.total.natural',
]);

const page = (cells: typeof CLEAN_CELLS, organ = '示例县人民政府办公室') =>
  renderPage({ format: '2021', organ, year: 2024, cells, style: 'template', chrome: 'trs', tagCells: true }, rng(5))
    .content;

/** The faulty report as a page (served at /gen/faulty.html). */
export const faultyPage = () => page(FAULTY_CELLS);

/** The clean report whose text quotes a wrong number of applications (served at /gen/narrative.html). */
// neither 本年新收 nor 本年新收 + 上年结转: the two things 收到 can mean
export const NARRATIVE_FIGURE = String(
  (CLEAN_CELLS['t3.new.total'] as number) + (CLEAN_CELLS['t3.carried_over.total'] as number) + 13,
);
const narrativePage = () =>
  page(CLEAN_CELLS).replace(/共收到政府信息公开申请\d+件/, `共收到政府信息公开申请${NARRATIVE_FIGURE}件`);

const bigOrdinaryPage = () => {
  const rows = Array.from(
    { length: 400 },
    (_, i) =>
      `<tr><td>${i}</td><td>关于做好${i}号工作的通知</td><td>2024-0${(i % 9) + 1}-1${i % 10}</td><td>${i * 37}</td></tr>`,
  ).join('');
  const paras = Array.from(
    { length: 300 },
    (_, i) => `<p>第${i}段：县政府召开常务会议，研究部署近期重点工作，会议强调要扎实推进各项任务落实${i}次。</p>`,
  ).join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务要闻_示例县人民政府</title></head><body><nav><a href="/">首页</a></nav><h1>政务要闻</h1>${paras}<table>${rows}</table></body></html>`;
};

const lateReport = () =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>正在加载</title></head><body><div id="app">加载中…</div><script>
setTimeout(function () {
  fetch('/gen/faulty.html').then(function (r) { return r.text(); }).then(function (html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    document.getElementById('app').replaceWith(doc.querySelector('.content'));
  });
}, 800);
</script></body></html>`;

/**
 * 2 bodies × 6 years (2021–2026, the 2021 format), consistent across years but for one carry-over
 * break (甲县 2023: 自然人 +2, a warning) and one broken 现行有效 chain (乙市 2024: 行政规范性文件 +3, info).
 */
export const BODY_YEARS: { path: string; organ: string; year: number; html: string }[] = [
  '甲县人民政府',
  '乙市生态环境局',
].flatMap((organ, b) =>
  yearsOfOneBody(rng(40 + b), 6, 40).map((c: Cells, i) => {
    const year = 2021 + i;
    const printed = b === 0 && year === 2023 ? withCarryBreak(c) : { ...c };
    if (b === 1 && year === 2024) printed['t2.normative.in_force'] = (c['t2.normative.in_force'] as number) + 3;
    const html = renderPage(
      { format: '2021', organ, year, cells: printed, style: 'template', chrome: 'trs' },
      rng(b * 10 + i),
    ).content;
    return { path: `/body${b}/${year}.html`, organ, year, html };
  }),
);

/** A 年报专栏 of those reports over two pages, with a notice, an attachment and a dead link among them. */
const columnPage = (links: { path: string; text: string }[], next: string | null) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报_示例市</title></head><body><h2>政府信息公开年报</h2><ul>${links
    .map((l) => `<li><a href="${l.path}">${l.text}</a></li>`)
    .join(
      '',
    )}<li><a href="/notice.html">关于做好2024年政府信息公开工作年度报告编制工作的通知</a></li><li><a href="/files/nb.pdf">甲县人民政府2020年政府信息公开工作年度报告.pdf</a></li></ul>${
    next ? `<a href="${next}">下一页</a>` : ''
  }</body></html>`;
const COLUMN_LINKS = BODY_YEARS.map((p) => ({ path: p.path, text: `${p.organ}${p.year}年政府信息公开工作年度报告` }));

const ROUTES: Record<string, () => string> = {
  ...Object.fromEntries(BODY_YEARS.map((p) => [p.path, () => p.html])),
  '/column/index.html': () => columnPage(COLUMN_LINKS.slice(0, 4), 'index_2.html'),
  '/column/index_2.html': () =>
    columnPage(
      [...COLUMN_LINKS.slice(4), { path: '/gone/2019.html', text: '丙区人民政府2019年政府信息公开工作年度报告' }],
      null,
    ),
  '/gen/clean.html': () => page(CLEAN_CELLS),
  '/gen/faulty.html': faultyPage,
  '/gen/narrative.html': narrativePage,
  '/gen/xss.html': () =>
    page(CLEAN_CELLS, '<img src=x onerror="window.__xss=1">示例县<script>window.__xss=2</script>人民政府')
      // a label and a cell whose text looks like markup (escaped in the page source, so it is text there)
      .replace(
        '>（二）部分公开（区分处理的，只计这一情形，不计其他情形）<',
        '>（二）部分公开&lt;img src=x onerror="window.__xss=4"&gt;<',
      )
      .replace(
        /(<td data-cell="t4\.review\.upheld">)[^<]*</,
        '$1&lt;script&gt;window.__xss=5&lt;/script&gt;javascript:alert(1)<',
      ),
  '/gen/ordinary.html': bigOrdinaryPage,
  '/gen/late.html': lateReport,
};

export async function startFixtureServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      let body: string | Buffer;
      const route = ROUTES[url.pathname] ?? HOSTILE[url.pathname];
      if (route) body = route();
      else if (url.pathname.startsWith('/corpus/') && /^[\w.-]+\.pdf$/.test(url.pathname.slice(8))) {
        res
          .writeHead(200, { 'content-type': 'application/pdf' })
          .end(readFileSync(join(FIXTURES, 'real', url.pathname.slice(8))));
        return;
      } else if (url.pathname.startsWith('/corpus/') && /^[\w.-]+\.html$/.test(url.pathname.slice(8)))
        body = readFileSync(join(FIXTURES, 'real', url.pathname.slice(8)));
      else {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Pages that fight back: broken built-ins, endless DOM churn, frames. */
export const HOSTILE: Record<string, () => string> = {
  '/hostile/builtins.html': () =>
    page(FAULTY_CELLS).replace(
      '<head>',
      `<head><script>
Array.prototype.map = function () { throw new Error('page broke map'); };
Array.prototype.forEach = function () { throw new Error('page broke forEach'); };
Array.prototype.push = function () { return 0; };
JSON.stringify = function () { return '"hijacked"'; };
JSON.parse = function () { return null; };
Node.prototype.appendChild = function () { throw new Error('page broke appendChild'); };
Element.prototype.setAttribute = function () { throw new Error('page broke setAttribute'); };
Element.prototype.getAttribute = function () { return 'x'; };
Document.prototype.querySelector = function () { return null; };
Object.defineProperty = function () { throw new Error('page broke defineProperty'); };
window.MutationObserver = function () { throw new Error('page broke MutationObserver'); };
</script>`,
    ),
  '/hostile/churn-report.html': () =>
    page(FAULTY_CELLS).replace(
      '</body>',
      `<div id="ticker"></div><script>setInterval(function () { var t = document.getElementById('ticker'); t.textContent = ''; for (var i = 0; i < 20; i++) { var s = document.createElement('span'); s.textContent = Math.random(); t.appendChild(s); } }, 10);</script></body>`,
    ),
  '/hostile/churn-news.html': () =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>滚动新闻_示例县</title></head><body><div id="ticker"></div><script>setInterval(function () { var t = document.getElementById('ticker'); t.textContent = ''; for (var i = 0; i < 50; i++) { var s = document.createElement('p'); s.textContent = '快讯 ' + Math.random(); t.appendChild(s); } }, 10);</script></body></html>`,
  '/hostile/frameset.html': () =>
    `<!DOCTYPE html><html><head><title>示例县2024年政府信息公开工作年度报告</title></head><frameset cols="30%,70%"><frame src="/gen/ordinary.html"><frame src="/gen/faulty.html"></frameset></html>`,
  '/hostile/iframe.html': () =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><h1>年报栏目</h1><iframe src="/gen/faulty.html" width="900" height="600"></iframe></body></html>`,
};
