import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SHARED } from '../support/analyze';
import { renderPage } from '../support/render';
import { randomCells, rng } from '../support/report-cells';

/** A consistent generated report, and the same with one figure wrong. */
export const CLEAN_CELLS = randomCells('2021', rng(2024));
export const FAULTY_CELLS = { ...CLEAN_CELLS, 't3.granted.natural': (CLEAN_CELLS['t3.granted.natural'] as number) + 3 };

const page = (cells: typeof CLEAN_CELLS, organ = '示例县人民政府办公室') =>
  renderPage({ format: '2021', organ, year: 2024, cells, style: 'template', chrome: 'trs', tagCells: true }, rng(5)).content;

const bigOrdinaryPage = () => {
  const rows = Array.from({ length: 400 }, (_, i) => `<tr><td>${i}</td><td>关于做好${i}号工作的通知</td><td>2024-0${(i % 9) + 1}-1${i % 10}</td><td>${i * 37}</td></tr>`).join('');
  const paras = Array.from({ length: 300 }, (_, i) => `<p>第${i}段：县政府召开常务会议，研究部署近期重点工作，会议强调要扎实推进各项任务落实${i}次。</p>`).join('');
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

const ROUTES: Record<string, () => string> = {
  '/gen/clean.html': () => page(CLEAN_CELLS),
  '/gen/faulty.html': () => page(FAULTY_CELLS),
  '/gen/xss.html': () => page(CLEAN_CELLS, '<img src=x onerror="window.__xss=1">示例县<script>window.__xss=2</script>人民政府'),
  '/gen/ordinary.html': bigOrdinaryPage,
  '/gen/late.html': lateReport,
};

export async function startFixtureServer() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    try {
      let body: string | Buffer;
      if (ROUTES[url.pathname]) body = ROUTES[url.pathname]();
      else if (url.pathname.startsWith('/corpus/') && /^[\w.-]+\.html$/.test(url.pathname.slice(8))) body = readFileSync(join(SHARED, 'corpus', url.pathname.slice(8)));
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
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((r) => server.close(() => r())) };
}
