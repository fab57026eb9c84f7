/**
 * Mutated pages: the reader never throws, and never reports a number that is not printed on the page.
 * Mutations that keep every figure next to its label must read back exactly; mutations that break
 * rows may leave cells unreadable, never wrong.
 */
import { parse } from 'parse5';
import { describe, expect, it } from 'vitest';
import { analyzeSource } from '../../cli/read-input';
import { layoutPage, type PdfTextItem } from '../../lib/pdf/layout';
import { readFixture } from '../support/analyze';
import { HTML_STYLES, renderPage, type Style } from '../support/render';
import { randomCells, rng, type Cells, type Format, type Rng } from '../support/report-cells';

const CASES = Number(process.env.FUZZ_CASES ?? 10_000);

const rows = (html: string) => html.split(/(?=<tr[\s>])/);
const GARBAGE = [
  '<p>本栏目由信息中心维护 2024年 访问量 12345</p>',
  '<div>☆☆☆ 0 0 0 ☆☆☆</div>',
  '<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>',
  '<p>第 3 页</p>',
  '<table><tr><td>链接</td><td>17</td></tr></table>',
  '<p>（本表数据截至2024年12月31日）</p>',
];

/** Keeps every figure next to its label: the page must read back exactly. */
function preserving(html: string, r: Rng): string {
  switch (r.int(5)) {
    case 0: // garbage text and decoy tables between the tables
      return html.replace(/<\/table>/g, (m) => m + r.pick(GARBAGE) + r.pick(GARBAGE));
    case 1: // the report nested in layout tables
      return html.replace(
        /<div class="TRS_Editor">([\s\S]*)<\/div>/,
        '<table><tr><td><table><tr><td><div>$1</div></td></tr></table></td><td>侧栏<table><tr><td>热点</td><td>99</td></tr></table></td></tr></table>',
      );
    case 2: // 200 other tables with numbers around the report
      return html
        .replace(
          '<body>',
          '<body>' +
            Array.from(
              { length: 100 },
              (_, i) => `<table><tr><td>统计${i}</td><td>${i * 7}</td><td>${i}</td></tr></table>`,
            ).join(''),
        )
        .replace(
          '</body>',
          `${Array.from({ length: 100 }, (_, i) => `<table><tr><td>${i}</td></tr></table>`).join('')}</body>`,
        );
    case 3: // inline wrappers and &nbsp; around every cell's content
      return html.replace(
        /<td([^>]*)>([^<]*)<\/td>/g,
        (_m, a, t) => `<td${a}><span style="x">&nbsp;<font face="仿宋">${t}</font></span></td>`,
      );
    case 4: // attributes, classes, styles on every row and table
      return html
        .replace(/<tr>/g, '<tr style="height:20px" class="r">')
        .replace(/<table/g, '<table cellpadding="0" width="600"');
    default: // an empty borderless row after every table's last row
      return html.replace(/<\/table>/g, `<tr>${'<td>&nbsp;</td>'.repeat(8)}</tr></table>`);
  }
}

/** Breaks rows: cells may become unreadable, never wrong. */
function breaking(html: string, r: Rng): string {
  const parts = rows(html);
  const i = 1 + r.int(parts.length - 2);
  const j = 1 + r.int(parts.length - 2);
  switch (r.int(3)) {
    case 0: // drop a row
      parts.splice(i, 1);
      return parts.join('');
    case 1: // duplicate a row
      parts.splice(i, 0, parts[i]);
      return parts.join('');
    case 2: // swap two rows
      [parts[i], parts[j]] = [parts[j], parts[i]];
      return parts.join('');
    default: // delete a row's label cell
      parts[i] = parts[i].replace(/<td[^>]*>[^<]*[\u4e00-\u9fa5][^<]*<\/td>/, '');
      return parts.join('');
  }
}

/** Anything: the reader must not throw and every number it reports is printed on the page. */
function wild(text: string, r: Rng): string {
  const n = 1 + r.int(4);
  let out = text;
  for (let k = 0; k < n; k++) {
    const at = r.int(out.length);
    switch (r.int(6)) {
      case 0:
        out = out.slice(0, at); // truncated
        break;
      case 1:
        out = out.slice(0, at) + r.pick(GARBAGE) + out.slice(at);
        break;
      case 2:
        out = out.replace(/<td/g, (m) => (r.chance(0.05) ? `<td rowspan="${r.int(30)}" colspan="${r.int(12)}"` : m));
        break;
      case 3:
        out = out.replace(/<td[^>]*>[^<]*<\/td>/g, (m) => (r.chance(0.05) ? '' : m)); // drop cells
        break;
      case 4:
        out = out.replace(/<\/td><td>/g, (m) => (r.chance(0.05) ? '' : m)); // merge cells
        break;
      case 5:
        out =
          out.slice(0, at) +
          String.fromCharCode(...Array.from({ length: 20 }, () => 32 + r.int(0x9fa5 - 32))) +
          out.slice(at);
        break;
      default:
        out = out.replace(/<\/td>/, '</td><td><table><tr><td>1</td><td>2</td></tr></table></td>'); // nested table
    }
  }
  return out;
}

const digits = (s: string) => s.normalize('NFKC').replace(/[^\d.-]/g, '');

/** Every number read must come from the text of its own cell on the page. */
interface TextNode {
  nodeName: string;
  value?: string;
  childNodes?: TextNode[];
}
const textOf = (n: TextNode): string =>
  n.nodeName === '#text'
    ? (n.value ?? '')
    : n.nodeName === 'script' || n.nodeName === 'style'
      ? ''
      : (n.childNodes ?? []).map(textOf).join('');

function expectNumbersFromPage(
  report: Awaited<ReturnType<typeof analyzeSource>>['report'],
  page: string,
  seed: number,
  isHtml: boolean,
) {
  // the page's text as a browser parses it, without white space (digits split across spans join up again)
  const flat = (isHtml ? textOf(parse(page) as unknown as TextNode) : page).normalize('NFKC').replace(/\s+/g, '');
  for (const [key, value] of Object.entries(report.cells)) {
    if (value === null) continue;
    const detail = report.cellDetails[key];
    const printed = digits(detail.text);
    expect(printed.length, `seed ${seed}: ${key}`).toBeGreaterThan(0);
    // the value's digits stand in the printed text of its cell (a whole cell, or a piece of a run)
    expect(
      printed.replace(/^-/, '').includes(String(Math.abs(value)).replace(/^0\./, '.').replace(/\.$/, '')) ||
        Number(printed) === value,
      `seed ${seed}: ${key}=${value} from "${detail.text}"`,
    ).toBe(true);
    expect(
      flat.includes(detail.text.normalize('NFKC').replace(/\s+/g, '').slice(0, 20)),
      `seed ${seed}: ${key} text "${detail.text}" on page`,
    ).toBe(true);
  }
}

function generated(seed: number): { html: string; cells: Cells; format: Format } {
  const r = rng(seed);
  const format: Format = r.chance(0.8) ? '2021' : '2019';
  const cells = randomCells(format, r, 5 + r.int(200));
  const style = r.pick(HTML_STYLES.filter((s) => s !== 'paragraphs')) as Style;
  if (r.chance(0.5)) for (const [k, v] of Object.entries(cells)) if (v === 0 && r.chance(0.3)) cells[k] = null;
  const html = renderPage(
    {
      format,
      organ: '某某县人民政府',
      year: format === '2021' ? 2023 : 2020,
      cells,
      style,
      chrome: r.pick(['none', 'trs', 'layout-table'] as const),
    },
    r,
  ).content;
  return { html, cells, format };
}

/** A consistent random report as a crawler's text; `body` is the text from table 二 on, where the mutations go. */
function crawlerText(r: Rng, style: Style, maxScale: number) {
  const format: Format = r.chance(0.8) ? '2021' : '2019';
  const cells = randomCells(format, r, 3 + r.int(maxScale));
  const text = renderPage(
    { format, organ: '某某县人民政府', year: format === '2021' ? 2023 : 2020, cells, style },
    r,
  ).content;
  const tables = text.indexOf('二、主动公开');
  return { cells, text, tables, body: text.slice(tables) };
}

/**
 * A crawler's text with one figure of one row printed in two pieces (`162` → `1 62`, an inline
 * element between them), and the cells it was made from.
 */
function splitFigurePage(seed: number): { page: string; cells: Cells } {
  const r = rng(500_000 + seed);
  const { cells, text, tables, body } = crawlerText(r, 'spaced', 300);
  // figures of two or more digits standing alone between spaces (cells, not list numbering)
  const figures = [...body.matchAll(/(?<= )\d{2,}(?=( |\n|$))/g)];
  if (!figures.length) return { page: text, cells };
  const m = r.pick(figures);
  const cut = 1 + r.int(m[0].length - 1);
  const split = `${m[0].slice(0, cut)} ${m[0].slice(cut)}`;
  return { page: text.slice(0, tables) + body.slice(0, m.index) + split + body.slice(m.index! + m[0].length), cells };
}

/**
 * A generated report as a PDF's text items would come: each cell an item at its column's x, lines
 * at a font size's distance with their baselines jittered, some words cut into two touching items
 * (`202` `3`), page numbers between pages, the items in any order; then laid out again (lib/pdf).
 */
function pdfItemsPage(seed: number): { text: string; cells: Cells } {
  const r = rng(900_000 + seed);
  const cells = randomCells('2021', r, 200);
  const page = renderPage({ format: '2021', organ: '某县人民政府', year: 2023, cells, style: 'pipes' }, r);
  const pages: PdfTextItem[][] = [[]];
  const size = 10 + r.int(4);
  let y = 60;
  for (const line of page.content.split('\n')) {
    if (y > 800) {
      pages.at(-1)!.push({ str: `- ${pages.length} -`, x: 280, y: 820, width: 30, size });
      pages.push([]);
      y = 60;
    }
    const parts = line
      .split(' | ')
      .map((p) => p.replace(/\s*\|\s*$/, ''))
      .filter(Boolean);
    let x = 40;
    for (const part of parts) {
      const width = [...part].length * size * (/^[\d.]+$/.test(part) ? 0.5 : 1);
      const baseline = y + (r.next() - 0.5) * 0.5 * size;
      if (part.length > 1 && r.chance(0.2)) {
        const cut = 1 + r.int(part.length - 2);
        const w1 = (width * cut) / part.length;
        pages.at(-1)!.push({ str: part.slice(0, cut), x, y: baseline, width: w1, size });
        pages.at(-1)!.push({ str: part.slice(cut), x: x + w1, y: baseline, width: width - w1, size });
      } else pages.at(-1)!.push({ str: part, x, y: baseline, width, size });
      x += width + size * (1 + r.int(3));
    }
    y += size * (1.4 + r.next());
  }
  const text = pages
    .flatMap((items, i) =>
      layoutPage(
        [...items].sort(() => r.next() - 0.5),
        i + 1,
      ),
    )
    .map((l) => l.text)
    .join('\n');
  return { text, cells };
}

const TEXT_RULES = new Set([
  'sections',
  'section-five',
  'table-missing',
  'fee-statement',
  'report-dates',
  'narrative-match',
  'format-year',
]);

describe(`fuzz: ${CASES} mutated pages`, { timeout: 300_000 }, () => {
  const perGroup = Math.ceil(CASES / 7);

  it(`${perGroup} pages with every figure kept beside its label read back exactly`, async () => {
    for (let seed = 1; seed <= perGroup; seed++) {
      const { html, cells } = generated(seed);
      const page = preserving(html, rng(seed * 31));
      const { report } = await analyzeSource(`fuzz-${seed}`, page, true);
      expect(report.cells, `seed ${seed}`).toEqual(cells);
      // a consistent report with its six sections and a true sentence: nothing beyond the sums fires either
      const alarms = report.findings.filter(
        (f) => TEXT_RULES.has(f.rule) && f.status === 'fail' && f.severity !== 'info',
      );
      expect(alarms, `seed ${seed}`).toEqual([]);
    }
  });

  it(`${perGroup} pages with broken rows: cells exact or unreadable, never wrong`, async () => {
    for (let seed = 1; seed <= perGroup; seed++) {
      const { html, cells } = generated(100_000 + seed);
      const page = breaking(html, rng(seed * 17));
      const { report } = await analyzeSource(`fuzz-${seed}`, page, true);
      if (report.status !== 'checked') continue;
      for (const [k, v] of Object.entries(report.cells)) {
        if (v !== null) expect(v, `seed ${seed} ${k}`).toBe(cells[k]);
      }
    }
  });

  it(`${perGroup} wildly mutated generated pages: no throw, every number printed on the page`, async () => {
    for (let seed = 1; seed <= perGroup; seed++) {
      const { html } = generated(200_000 + seed);
      const page = wild(html, rng(seed * 13));
      const { report } = await analyzeSource(`fuzz-${seed}`, page, true);
      expectNumbersFromPage(report, page, seed, true);
    }
  });

  it(`${perGroup} mutated real pages and text dumps: no throw, every number printed on the page`, async () => {
    const sources = [
      ['real/12_pingtan_2023_trs.html', true],
      ['real/15_shuyang_fgj_2023_ucap.html', true],
      ['real/11_shanghai_bgt_2019.html', true],
      ['real/06_pingtan_2023.txt', false],
      ['real/13_shanghai_kewei_2024_pdf2md.md', false],
      ['real/14_shanghai_bgt_2025_pdf2md.md', false],
      ['seeds/000_7d12747508f9e08c.txt', false],
      ['seeds/001_f0e1d37416cc1ab7.txt', false],
      ['seeds/003_1011c9d1822b474b.txt', false],
      ['seeds/004_fbb51525c9b5bd86.txt', false],
    ] as const;
    const texts = sources.map(([p, html]) => [readFixture(p), html] as const);
    for (let seed = 1; seed <= perGroup; seed++) {
      const r = rng(300_000 + seed);
      const [text, html] = r.pick(texts);
      let page: string;
      if (html) page = wild(text, r);
      else {
        const lines = text.split('\n');
        const i = r.int(lines.length - 1);
        const j = r.int(lines.length - 1);
        const op = r.int(4);
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, lines[j]);
        else if (op === 2) [lines[i], lines[j]] = [lines[j], lines[i]];
        else lines[i] = lines[i].replace(/\d+/, String(r.int(999)));
        page = lines.slice(0, lines.length - r.int(3) * r.int(lines.length / 4)).join('\n');
      }
      const { report } = await analyzeSource(`fuzz-${seed}`, page, html);
      expectNumbersFromPage(report, page, seed, html);
    }
  });

  it(`${perGroup} run-together crawler texts with a row's digits, a label or a cell's digits taken out: exact or unreadable, never wrong`, async () => {
    for (let seed = 1; seed <= perGroup; seed++) {
      const r = rng(400_000 + seed);
      const { cells, text, tables, body } = crawlerText(r, 'runtogether', 60);
      // whole printed runs (decimals included), not list numbering (`2.`)
      const runs = [...body.matchAll(/\d(?:[\d.]*\d)?/g)].filter((m) => body[m.index! + m[0].length] !== '.');
      const labels = [...body.matchAll(/[\u4e00-\u9fa5（）()、“”]{2,}/g)];
      let mutated: string;
      const op = r.int(2);
      if (op === 0 && runs.length) {
        const m = r.pick(runs); // a row's digits gone
        mutated = body.slice(0, m.index) + body.slice(m.index! + m[0].length);
      } else if (op === 1 && labels.length) {
        const m = r.pick(labels); // a label gone (a space keeps the numbers on either side apart, as printed)
        mutated = `${body.slice(0, m.index)} ${body.slice(m.index! + m[0].length)}`;
      } else {
        const m = r.pick(runs); // one digit of a run gone
        const k = r.int(m[0].length - 1);
        mutated = body.slice(0, m.index! + k) + body.slice(m.index! + k + 1);
      }
      const { report } = await analyzeSource(`fuzz-${seed}`, text.slice(0, tables) + mutated, false);
      if (report.status !== 'checked') continue;
      for (const [k, v] of Object.entries(report.cells)) {
        if (v === null || op === 2) continue; // a lost digit changes a printed number: only the other ops keep every printed number intact
        expect(v, `seed ${seed} op ${op} ${k}`).toBe(cells[k]);
      }
    }
  });

  it(`${perGroup} PDFs' text items laid out again (jittered baselines, cut words, page numbers, any order): exact or unreadable, never wrong`, async () => {
    let exact = 0;
    for (let seed = 1; seed <= perGroup; seed++) {
      const { text, cells } = pdfItemsPage(seed);
      const { report } = await analyzeSource(`pdf-${seed}`, text, false);
      expect(report.status, `seed ${seed}`).toBe('checked');
      for (const [k, v] of Object.entries(report.cells)) if (v !== null) expect(v, `seed ${seed} ${k}`).toBe(cells[k]);
      expect(report.summary.errors, `seed ${seed}: a consistent report`).toBe(0);
      if (Object.entries(cells).every(([k, v]) => report.cells[k] === v)) exact++;
    }
    expect(exact / perGroup).toBeGreaterThan(0.9);
  });

  it(`${perGroup} crawler texts with one figure split in two: exact or unreadable, never wrong`, async () => {
    let exact = 0;
    for (let seed = 1; seed <= perGroup; seed++) {
      const { page, cells } = splitFigurePage(seed);
      const { report } = await analyzeSource(`fuzz-${seed}`, page, false);
      expect(report.status, `seed ${seed}`).toBe('checked');
      for (const [k, v] of Object.entries(report.cells)) if (v !== null) expect(v, `seed ${seed} ${k}`).toBe(cells[k]);
      expect(report.summary.errors, `seed ${seed}: a consistent report`).toBe(0);
      if (Object.entries(cells).every(([k, v]) => report.cells[k] === v)) exact++;
    }
    // most splits are in table 三 or 四, where the row's total singles out the join
    expect(exact / perGroup).toBeGreaterThan(0.5);
  });

  it('a 10 MB page and a page of 200 tables are read in bounded time', async () => {
    const { html, cells } = generated(9);
    const filler = `<p>${'政务公开工作持续推进，信息发布及时准确。'.repeat(40)}</p>`;
    const big = html
      .replace('<body>', `<body>${filler.repeat(Math.ceil(10_000_000 / filler.length / 2))}`)
      .replace('</body>', `${filler.repeat(Math.ceil(10_000_000 / filler.length / 2))}</body>`);
    expect(big.length).toBeGreaterThan(10_000_000);
    expect((await analyzeSource('big', big, true)).report.cells).toEqual(cells);
    const many = html.replace(
      '<body>',
      '<body>' +
        '<table><tr><td>项目</td><td>12</td><td>0</td></tr><tr><td>合计</td><td>12</td><td>0</td></tr></table>'.repeat(
          200,
        ),
    );
    expect((await analyzeSource('many', many, true)).report.cells).toEqual(cells);
  });
});
