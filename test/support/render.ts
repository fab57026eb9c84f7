/**
 * Renders report figures as the pages real sites publish, in several markup styles, so the
 * reader can be tested on exact round trips. The labels here are written from the official
 * format documents (国办公开办函〔2021〕30号, 〔2019〕60号), independently of lib/format.
 */
import type { Cells, Format, Rng } from './report-cells';

export type Style =
  | 'template' // clean HTML tables with the official rowspans
  | 'word' // Word-pasted: spans splitting digits and labels, <o:p>, &nbsp;, font wrappers
  | 'misaligned' // 自然人 colspan=2 header, data rows still 7 cells
  | 'paragraphs' // tables flattened into one <p> per cell
  | 'lines' // text dump, one cell per line
  | 'pipes' // crawler dump, `|` between cells
  | 'tabs' // tab-indented cells, a blank line between rows
  | 'markdown' // PDF-to-Markdown tables
  | 'runtogether' // crawler text with every cell run together
  | 'spaced'; // crawler text, one row per line, a space between cells

export const HTML_STYLES: Style[] = ['template', 'word', 'misaligned', 'paragraphs'];
export const TEXT_STYLES: Style[] = ['lines', 'pipes', 'tabs', 'markdown', 'runtogether', 'spaced'];

export interface PageSpec {
  format: Format;
  organ: string;
  year: number;
  cells: Cells;
  style: Style;
  /** wrap the report in a portal page with navigation, decoy tables and a footer */
  chrome?: 'none' | 'trs' | 'layout-table';
  /** the figure quoted in section 一 for applications received (defaults to t3.new.total) */
  narrativeReceived?: number;
  /** put data-cell="<key>" on every value cell (for browser tests that check which cells are marked) */
  tagCells?: boolean;
}

type Row = { label: string[]; values: (number | null)[]; keys?: string[] }; // label: group labels then the row's own

const T2_2021 = (c: Cells): { head: string; columns: string[]; rows: Row[] }[] => [
  {
    head: '第二十条第（一）项',
    columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
    rows: [
      { label: ['规章'], values: ['issued', 'repealed', 'in_force'].map((k) => c[`t2.rules.${k}`]) },
      { label: ['行政规范性文件'], values: ['issued', 'repealed', 'in_force'].map((k) => c[`t2.normative.${k}`]) },
    ],
  },
  {
    head: '第二十条第（五）项',
    columns: ['本年处理决定数量'],
    rows: [{ label: ['行政许可'], values: [c['t2.licensing.decisions']] }],
  },
  {
    head: '第二十条第（六）项',
    columns: ['本年处理决定数量'],
    rows: [
      { label: ['行政处罚'], values: [c['t2.penalty.decisions']] },
      { label: ['行政强制'], values: [c['t2.coercion.decisions']] },
    ],
  },
  {
    head: '第二十条第（八）项',
    columns: ['本年收费金额（单位：万元）'],
    rows: [{ label: ['行政事业性收费'], values: [c['t2.fees.amount']] }],
  },
];

const T2_2019 = (c: Cells): { head: string; columns: string[]; rows: Row[] }[] => {
  const items = (row: string) => ['prev_items', 'change', 'decisions'].map((k) => c[`t2.${row}.${k}`]);
  const docs = (row: string) => ['new_made', 'new_published', 'total_public'].map((k) => c[`t2.${row}.${k}`]);
  return [
    {
      head: '第二十条第（一）项',
      columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: [
        { label: ['规章'], values: docs('rules') },
        { label: ['规范性文件'], values: docs('normative') },
      ],
    },
    {
      head: '第二十条第（五）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { label: ['行政许可'], values: items('licensing') },
        { label: ['其他对外管理服务事项'], values: items('other_services') },
      ],
    },
    {
      head: '第二十条第（六）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: [
        { label: ['行政处罚'], values: items('penalty') },
        { label: ['行政强制'], values: items('coercion') },
      ],
    },
    {
      head: '第二十条第（八）项',
      columns: ['上一年项目数量', '本年增/减'],
      rows: [{ label: ['行政事业性收费'], values: [c['t2.fees.prev_items'], c['t2.fees.change']] }],
    },
    {
      head: '第二十条第（九）项',
      columns: ['采购项目数量', '采购总金额'],
      rows: [{ label: ['政府集中采购'], values: [c['t2.procurement.items'], c['t2.procurement.amount']] }],
    },
  ];
};

const T3_COLS = ['natural', 'business', 'research', 'nonprofit', 'legal', 'other_org', 'total'];

function t3Rows(format: Format, c: Cells): Row[] {
  const v = (row: string) => T3_COLS.map((col) => c[`t3.${row}.${col}`]);
  const k = (row: string) => T3_COLS.map((col) => `t3.${row}.${col}`);
  const rows: Row[] = [
    { label: ['一、本年新收政府信息公开申请数量'], values: v('new'), keys: k('new') },
    { label: ['二、上年结转政府信息公开申请数量'], values: v('carried_over'), keys: k('carried_over') },
    { label: ['三、本年度办理结果', '（一）予以公开'], values: v('granted'), keys: k('granted') },
    {
      label: ['三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
      values: v('partial'),
      keys: k('partial'),
    },
  ];
  const group = (g: string, items: [string, string][]) => {
    for (const [key, label] of items)
      rows.push({ label: ['三、本年度办理结果', g, label], values: v(key), keys: k(key) });
  };
  group('（三）不予公开', [
    ['withheld_secret', '1.属于国家秘密'],
    ['withheld_law', '2.其他法律行政法规禁止公开'],
    ['withheld_safety', '3.危及“三安全一稳定”'],
    ['withheld_third_party', '4.保护第三方合法权益'],
    ['withheld_internal', '5.属于三类内部事务信息'],
    ['withheld_process', '6.属于四类过程性信息'],
    ['withheld_enforcement', '7.属于行政执法案卷'],
    ['withheld_query', '8.属于行政查询事项'],
  ]);
  group('（四）无法提供', [
    ['unavailable_not_held', '1.本机关不掌握相关政府信息'],
    ['unavailable_needs_creation', '2.没有现成信息需要另行制作'],
    ['unavailable_unclear', '3.补正后申请内容仍不明确'],
  ]);
  group('（五）不予处理', [
    ['rejected_petition', '1.信访举报投诉类申请'],
    ['rejected_duplicate', '2.重复申请'],
    ['rejected_publication', '3.要求提供公开出版物'],
    ['rejected_excessive', '4.无正当理由大量反复申请'],
    ['rejected_reconfirm', '5.要求行政机关确认或重新出具已获取信息'],
  ]);
  if (format === '2021') {
    group('（六）其他处理', [
      ['other_no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
      ['other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
      ['other_other', '3.其他'],
    ]);
  } else rows.push({ label: ['三、本年度办理结果', '（六）其他处理'], values: v('other'), keys: k('other') });
  rows.push({ label: ['三、本年度办理结果', '（七）总计'], values: v('total'), keys: k('total') });
  rows.push({ label: ['四、结转下年度继续办理'], values: v('carried_forward'), keys: k('carried_forward') });
  return rows;
}

const t4Values = (c: Cells) =>
  ['review', 'suit_direct', 'suit_after_review'].flatMap((g) =>
    ['upheld', 'corrected', 'other', 'pending', 'total'].map((k) => c[`t4.${g}.${k}`]),
  );

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (v: number | null) => (v === null ? '' : String(v));

// ---------- HTML ----------

function cellHtml(text: string, style: Style, r: Rng, attrs = ''): string {
  return cellMarkup(text, style, r, attrs);
}

function cellMarkup(text: string, style: Style, r: Rng, attrs: string): string {
  let inner = esc(text);
  if (style === 'word') {
    if (/^-?\d+(\.\d+)?$/.test(text) && text.length > 1 && r.chance(0.5)) {
      // digits split across inline elements
      inner = [...text].map((ch) => `<span style="font-family:仿宋_GB2312">${ch}</span>`).join('');
    } else if (text === '' && r.chance(0.5)) inner = '<o:p>&nbsp;</o:p>';
    else if (text.length > 3 && r.chance(0.4)) {
      const cut = 1 + r.int(text.length - 2);
      inner = `<span lang="EN-US">${esc(text.slice(0, cut))}</span><span>${esc(text.slice(cut))}</span>`;
    } else if (r.chance(0.3)) inner = `<font face="Calibri">&nbsp;</font><font face="仿宋_GB2312">${inner}</font>`;
    inner = `<p class="MsoNormal" align="center"><span style="font-size:10.5pt">${inner}</span></p>`;
  }
  return `<td${attrs}>${inner}</td>`;
}

function htmlTables(spec: PageSpec, r: Rng): string {
  const { format, cells, style } = spec;
  const s = style;
  const td = (t: string, a = '') => cellHtml(t, s, r, a);
  const t2 = (format === '2021' ? T2_2021 : T2_2019)(cells);
  const width = Math.max(...t2.map((b) => b.columns.length)) + 1;
  let t2html = '';
  for (const block of t2) {
    t2html += `<tr>${td(block.head, ` colspan="${width}"`)}</tr>`;
    const span = (i: number, n: number) =>
      n === 1 ? ` colspan="${width - 1}"` : n === 2 && i === 1 ? ` colspan="${width - 2}"` : '';
    t2html += `<tr>${td('信息内容')}${block.columns.map((c, i) => td(c, span(i, block.columns.length))).join('')}</tr>`;
    for (const row of block.rows)
      t2html += `<tr>${td(row.label[0])}${row.values.map((v, i) => td(num(v), span(i, row.values.length))).join('')}</tr>`;
  }
  const rows = t3Rows(format, cells);
  let t3html = '';
  if (s === 'misaligned') {
    t3html += `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`;
    t3html += `<tr>${td('自然人', ' colspan="2"')}${td('法人或其他组织', ' colspan="4"')}${td('总计', ' rowspan="2"')}</tr>`;
    t3html += `<tr>${td('')}${td('商业企业', ' colspan="2"')}${td('科研机构')}${td('社会公益组织')}${td('法律服务机构')}${td('其他')}</tr>`;
  } else {
    t3html += `<tr>${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`;
    t3html += `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`;
    t3html += `<tr>${['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((h) => td(s === 'word' ? `${h.slice(0, 2)}\u00a0${h.slice(2)}` : h)).join('')}</tr>`;
  }
  // rowspans: how many rows each group label covers from its first row
  const spanOf = (depth: number, i: number) => {
    let n = 1;
    while (
      i + n < rows.length &&
      rows[i + n].label.length > depth + 1 &&
      rows[i + n].label[depth] === rows[i].label[depth]
    )
      n++;
    return n;
  };
  rows.forEach((row, i) => {
    let cellsHtml = '';
    row.label.forEach((label, depth) => {
      const isOwn = depth === row.label.length - 1;
      if (!isOwn) {
        if (i > 0 && rows[i - 1].label[depth] === label && rows[i - 1].label.length > depth + 1) return; // covered by a rowspan
        cellsHtml += td(label, ` rowspan="${spanOf(depth, i)}"`);
      } else cellsHtml += td(label, ` colspan="${3 - depth}"`);
    });
    cellsHtml += row.values
      .map((v, j) => td(num(v), spec.tagCells && row.keys ? ` data-cell="${row.keys[j]}"` : ''))
      .join('');
    t3html += `<tr>${cellsHtml}</tr>`;
  });
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const t4html =
    `<tr>${td('行政复议', ' colspan="5" rowspan="2"')}${td('行政诉讼', ' colspan="10"')}</tr>` +
    `<tr>${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>` +
    `<tr>${[...heads, ...heads, ...heads].map((h) => td(s === 'word' ? `${h.slice(0, 2)}<br/>${h.slice(2)}` : h)).join('')}</tr>` +
    `<tr>${t4Values(cells)
      .map((v, j) =>
        td(
          num(v),
          spec.tagCells
            ? ` data-cell="t4.${['review', 'suit_direct', 'suit_after_review'][Math.floor(j / 5)]}.${['upheld', 'corrected', 'other', 'pending', 'total'][j % 5]}"`
            : '',
        ),
      )
      .join('')}</tr>` +
    (s === 'word' ? `<tr>${Array.from({ length: 15 }, () => td('')).join('')}</tr>` : '');
  const table = (body: string) =>
    s === 'word'
      ? `<div align="center"><table border="0" cellspacing="0" class="MsoNormalTable">${body}</table></div>`
      : `<table border="1">${body}</table>`;
  return (
    `<p>二、主动公开政府信息情况</p>${table(t2html)}` +
    `<p>三、收到和处理政府信息公开申请情况</p>${table(t3html)}` +
    `<p>四、政府信息公开行政复议、行政诉讼情况</p>${table(t4html)}`
  );
}

function paragraphTables(spec: PageSpec): string {
  // one <p> per cell, as when a table is pasted without its grid
  return textTables(spec, 'lines')
    .split('\n')
    .filter(Boolean)
    .map((l) => `<p>${esc(l)}</p>`)
    .join('');
}

function narrative(spec: PageSpec): string[] {
  const c = spec.cells;
  const received = spec.narrativeReceived ?? c['t3.new.total'];
  return [
    '一、总体情况',
    `${spec.year}年，${spec.organ}坚持以人民为中心，扎实推进政务公开工作。全年通过门户网站主动公开政府信息1234条，其中政策解读56条。`,
    `（二）依申请公开。${spec.year}年共收到政府信息公开申请${received}件，均在法定期限内答复。`,
  ];
}

const TAIL = [
  '五、存在的主要问题及改进情况',
  '一是公开内容的深度有待加强；二是政策解读形式较为单一。下一步将持续改进。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
];

function wrapHtml(spec: PageSpec, body: string): string {
  const title = `${spec.organ}${spec.year}年政府信息公开工作年度报告`;
  const article = `<div class="TRS_Editor"><p align="center"><strong>${esc(title)}</strong></p>${narrative(spec)
    .map((p) => `<p>${esc(p)}</p>`)
    .join(
      '',
    )}${body}${TAIL.map((p) => `<p>${esc(p)}</p>`).join('')}<p style="text-align:right">${esc(spec.organ)}</p><p style="text-align:right">${spec.year + 1}年1月20日</p></div>`;
  const nav = `<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li></ul></nav>`;
  const stats = `<table class="stats"><tr><td>今日访问</td><td>1024</td></tr><tr><td>总访问量</td><td>8812345</td></tr><tr><td>在线人数</td><td>17</td></tr></table>`;
  const footer = `<footer><table><tr><td>主办：${esc(spec.organ)}</td><td>网站标识码：3213220037</td><td>备案号：苏ICP备05000000号-1</td></tr></table></footer>`;
  const head = `<head><meta charset="utf-8"><title>${esc(title)}_政府信息公开年报_${esc(spec.organ)}网</title></head>`;
  if (spec.chrome === 'layout-table') {
    return `<!DOCTYPE html><html>${head}<body><table width="1000"><tr><td width="200">${nav}${stats}</td><td>${article}</td></tr><tr><td colspan="2">${footer}</td></tr></table></body></html>`;
  }
  if (spec.chrome === 'trs')
    return `<!DOCTYPE html><html>${head}<body>${nav}<div class="side">${stats}</div><div class="content">${article}</div>${footer}</body></html>`;
  return `<!DOCTYPE html><html>${head}<body>${article}</body></html>`;
}

// ---------- text ----------

function textTables(spec: PageSpec, style: Style): string {
  const { format, cells } = spec;
  const t2 = (format === '2021' ? T2_2021 : T2_2019)(cells);
  const rows = t3Rows(format, cells);
  const t4 = t4Values(cells);
  const out: string[] = [];
  const sep = style === 'lines' ? '\n\n' : '\n';
  const row = (labels: string[], values: (number | null)[]) => {
    switch (style) {
      case 'pipes':
        return `${[...labels, ...values.map(num)].join(' | ')} |`;
      case 'markdown':
        return `| ${[...labels, ...values.map(num)].join(' | ')} |`;
      case 'tabs':
        return [...labels, ...values.map(num)].map((x) => `\t${x}`).join('\n');
      case 'runtogether':
        return labels.join('') + values.map(num).join('');
      case 'spaced':
        return [labels.join(''), ...values.map((v) => (v === null ? '-' : String(v)))].filter(Boolean).join(' ');
      default:
        return [...labels, ...values.map(num)].join(sep);
    }
  };
  const join = (parts: string[]) =>
    style === 'runtogether' ? parts.join('') : parts.join(style === 'tabs' ? '\n\n' : sep);
  const t2parts: string[] = [];
  for (const block of t2) {
    t2parts.push(row([block.head], []));
    t2parts.push(row(['信息内容', ...block.columns], []));
    if (style === 'markdown') t2parts.push(`|---|${block.columns.map(() => '---|').join('')}`);
    for (const r of block.rows) t2parts.push(row(r.label, r.values));
  }
  out.push(join(['二、主动公开政府信息情况', ...t2parts]));
  const t3parts = [
    row(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'], []),
    row(['自然人', '法人或其他组织', '总计'], []),
    row(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'], []),
  ];
  if (style === 'markdown') t3parts.push('|---|---|---|---|---|---|---|---|');
  rows.forEach((r, i) => {
    // a group label is printed once, on its first row
    const labels = r.label.filter((l, d) => d === r.label.length - 1 || !(i > 0 && rows[i - 1].label[d] === l));
    t3parts.push(row(labels, r.values));
  });
  out.push(join(['三、收到和处理政府信息公开申请情况', ...t3parts]));
  const heads = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  out.push(
    join([
      '四、政府信息公开行政复议、行政诉讼情况',
      row(['行政复议', '行政诉讼'], []),
      row(['未经复议直接起诉', '复议后起诉'], []),
      row([...heads, ...heads, ...heads], []),
      row([], t4),
    ]),
  );
  return out.join(style === 'runtogether' ? '' : style === 'tabs' ? '\n\n' : sep);
}

export interface RenderedPage {
  kind: 'html' | 'text';
  content: string;
}

export function renderPage(spec: PageSpec, r: Rng): RenderedPage {
  if (spec.style === 'paragraphs') return { kind: 'html', content: wrapHtml(spec, paragraphTables(spec)) };
  if (HTML_STYLES.includes(spec.style)) return { kind: 'html', content: wrapHtml(spec, htmlTables(spec, r)) };
  const title = `${spec.organ}${spec.year}年政府信息公开工作年度报告`;
  // a crawler's header lines, then the body (run together into one line by some crawlers)
  const header = [`标题: ${title}`, `发布时间: ${spec.year + 1}-01-20`, '', title].join('\n');
  const body = [
    ...narrative(spec),
    textTables(spec, spec.style),
    ...TAIL,
    spec.organ,
    `${spec.year + 1}年1月20日`,
  ].join(spec.style === 'runtogether' ? ' ' : '\n');
  const text = `${header}\n${body}`;
  return { kind: 'text', content: text };
}
