/**
 * The national report layouts as data: tables, rows in printed order, value columns,
 * and the label patterns that identify each row. Matching is by label, never by position;
 * position is only the fallback for a row whose label is missing (and that is reported).
 *
 * Patterns run against normalised labels (simplified, half-width, no spaces or punctuation;
 * see `labelKey`). `has` = the label contains it; `ends` = the label ends with it (for short,
 * generic labels such as 总计 or 其他 that also occur inside longer labels).
 */

export type FormatId = '2021' | '2019';

export interface LabelPattern {
  has?: string[];
  ends?: string[];
  /** the label must not contain any of these */
  not?: string[];
}

export interface ColumnDef {
  key: string;
  zh: string;
  en: string;
  /** value kind: count (non-negative integer), signed integer, or decimal amount */
  kind: 'count' | 'signed' | 'amount';
}

export interface RowDef {
  key: string;
  zh: string;
  /** the official label in full, where `zh` shortens it */
  full?: string;
  en: string;
  match: LabelPattern;
  columns: ColumnDef[];
}

export interface TableDef {
  id: 't2' | 't3' | 't4';
  zh: string;
  en: string;
  rows: RowDef[];
}

export interface FormatDef {
  id: FormatId;
  zh: string;
  en: string;
  /** labels found only in this format's tables; used to tell the formats apart */
  markers: string[];
  tables: [TableDef, TableDef, TableDef];
}

const count = (key: string, zh: string, en: string): ColumnDef => ({ key, zh, en, kind: 'count' });

// ---------- 表三 (both formats) ----------

export const T3_COLUMNS: ColumnDef[] = [
  count('natural', '自然人', 'Natural persons'),
  count('business', '商业企业', 'Businesses'),
  count('research', '科研机构', 'Research institutions'),
  count('nonprofit', '社会公益组织', 'Non-profits'),
  count('legal', '法律服务机构', 'Legal service providers'),
  count('other_org', '其他', 'Other organisations'),
  count('total', '总计', 'Total'),
];

const t3 = (key: string, zh: string, en: string, match: LabelPattern): RowDef => ({
  key,
  zh,
  en,
  match,
  columns: T3_COLUMNS,
});

const T3_HEAD: RowDef[] = [
  t3('new', '一、本年新收政府信息公开申请数量', 'New applications this year', { has: ['本年新收'] }),
  t3('carried_over', '二、上年结转政府信息公开申请数量', 'Carried over from last year', { has: ['上年结转'] }),
  t3('granted', '（一）予以公开', 'Disclosed', { has: ['予以公开'] }),
  t3('partial', '（二）部分公开', 'Partly disclosed', { has: ['部分公开'] }),
  t3('withheld_secret', '（三）不予公开 1.属于国家秘密', 'Withheld: state secret', { has: ['国家秘密'] }),
  t3('withheld_law', '2.其他法律行政法规禁止公开', 'Withheld: prohibited by other laws', {
    has: ['法规禁止公开', '法律行政法规禁止'],
  }),
  t3('withheld_safety', '3.危及“三安全一稳定”', 'Withheld: endangers security and stability', {
    has: ['三安全一稳定', '三安全', '一稳定'],
  }),
  t3('withheld_third_party', '4.保护第三方合法权益', 'Withheld: third-party rights', {
    has: ['第三方合法权益', '第三方'],
  }),
  t3('withheld_internal', '5.属于三类内部事务信息', 'Withheld: internal affairs', { has: ['内部事务'] }),
  t3('withheld_process', '6.属于四类过程性信息', 'Withheld: process information', { has: ['过程性信息', '过程性'] }),
  t3('withheld_enforcement', '7.属于行政执法案卷', 'Withheld: enforcement files', { has: ['执法案卷'] }),
  t3('withheld_query', '8.属于行政查询事项', 'Withheld: administrative query', { has: ['行政查询事项', '查询事项'] }),
  t3('unavailable_not_held', '（四）无法提供 1.本机关不掌握相关政府信息', 'Unavailable: not held', { has: ['不掌握'] }),
  t3('unavailable_needs_creation', '2.没有现成信息需要另行制作', 'Unavailable: would need creating', {
    has: ['另行制作', '没有现成信息'],
  }),
  t3('unavailable_unclear', '3.补正后申请内容仍不明确', 'Unavailable: still unclear after correction', {
    has: ['仍不明确'],
  }),
  t3('rejected_petition', '（五）不予处理 1.信访举报投诉类申请', 'Not processed: petition or complaint', {
    has: ['信访举报', '举报投诉'],
  }),
  t3('rejected_duplicate', '2.重复申请', 'Not processed: duplicate', { has: ['重复申请'] }),
  t3('rejected_publication', '3.要求提供公开出版物', 'Not processed: publications', { has: ['公开出版物'] }),
  t3('rejected_excessive', '4.无正当理由大量反复申请', 'Not processed: excessive repeated applications', {
    has: ['大量反复'],
  }),
  t3('rejected_reconfirm', '5.要求行政机关确认或重新出具已获取信息', 'Not processed: re-confirmation', {
    has: ['重新出具', '确认或重新'],
  }),
];

const T3_TAIL: RowDef[] = [
  t3('total', '（七）总计', 'Total handled', { ends: ['总计', '合计'], not: ['法人', '申请人'] }),
  t3('carried_forward', '四、结转下年度继续办理', 'Carried forward to next year', { has: ['结转下'] }),
];

const T3_2021: TableDef = {
  id: 't3',
  zh: '表三 收到和处理政府信息公开申请情况',
  en: 'Table 3 Applications received and handled',
  rows: [
    ...T3_HEAD,
    {
      ...t3('other_no_correction', '（六）其他处理 1.申请人无正当理由逾期不补正', 'Other: no correction supplied', {
        has: ['逾期不补正', '不补正'],
      }),
      full: '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    },
    {
      ...t3('other_unpaid_fee', '2.申请人逾期未按收费通知要求缴纳费用', 'Other: fee not paid', {
        has: ['缴纳费用', '收费通知'],
      }),
      full: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    },
    t3('other_other', '3.其他', 'Other: other', { ends: ['其他'] }),
    ...T3_TAIL,
  ],
};

const T3_2019: TableDef = {
  ...T3_2021,
  rows: [...T3_HEAD, t3('other', '（六）其他处理', 'Other handling', { has: ['其他处理'] }), ...T3_TAIL],
};

// ---------- 表四 (both formats): one row of 15 values under a two-level header ----------

export const T4_GROUPS = ['review', 'suit_direct', 'suit_after_review'] as const;

export const T4_GROUP_NAMES: Record<(typeof T4_GROUPS)[number], { zh: string; en: string }> = {
  review: { zh: '行政复议', en: 'Administrative review' },
  suit_direct: { zh: '行政诉讼·未经复议直接起诉', en: 'Lawsuit, direct' },
  suit_after_review: { zh: '行政诉讼·复议后起诉', en: 'Lawsuit after review' },
};

/** The five columns under each group, in printed order. */
export const T4_RESULTS = [
  { key: 'upheld', zh: '结果维持', en: 'upheld' },
  { key: 'corrected', zh: '结果纠正', en: 'corrected' },
  { key: 'other', zh: '其他结果', en: 'other result' },
  { key: 'pending', zh: '尚未审结', en: 'pending' },
  { key: 'total', zh: '总计', en: 'total' },
] as const;

const T4_COLUMNS: ColumnDef[] = T4_GROUPS.flatMap((group) =>
  T4_RESULTS.map((r) =>
    count(`${group}.${r.key}`, `${T4_GROUP_NAMES[group].zh}·${r.zh}`, `${T4_GROUP_NAMES[group].en}: ${r.en}`),
  ),
);

const T4: TableDef = {
  id: 't4',
  zh: '表四 政府信息公开行政复议、行政诉讼情况',
  en: 'Table 4 Administrative reviews and lawsuits',
  rows: [{ key: '', zh: '', en: '', match: {}, columns: T4_COLUMNS }],
};

// ---------- 表二 ----------

const T2_2021: TableDef = {
  id: 't2',
  zh: '表二 主动公开政府信息情况',
  en: 'Table 2 Proactive disclosure',
  rows: [
    {
      key: 'rules',
      zh: '规章',
      en: 'Rules',
      match: { ends: ['规章'] },
      columns: [
        count('issued', '本年制发件数', 'Issued this year'),
        count('repealed', '本年废止件数', 'Repealed this year'),
        count('in_force', '现行有效件数', 'In force'),
      ],
    },
    {
      key: 'normative',
      zh: '行政规范性文件',
      en: 'Normative documents',
      match: { ends: ['规范性文件'] },
      columns: [
        count('issued', '本年制发件数', 'Issued this year'),
        count('repealed', '本年废止件数', 'Repealed this year'),
        count('in_force', '现行有效件数', 'In force'),
      ],
    },
    {
      key: 'licensing',
      zh: '行政许可',
      en: 'Licensing',
      match: { ends: ['行政许可'] },
      columns: [count('decisions', '本年处理决定数量', 'Decisions this year')],
    },
    {
      key: 'penalty',
      zh: '行政处罚',
      en: 'Penalties',
      match: { ends: ['行政处罚'] },
      columns: [count('decisions', '本年处理决定数量', 'Decisions this year')],
    },
    {
      key: 'coercion',
      zh: '行政强制',
      en: 'Coercive measures',
      match: { ends: ['行政强制'] },
      columns: [count('decisions', '本年处理决定数量', 'Decisions this year')],
    },
    {
      key: 'fees',
      zh: '行政事业性收费',
      en: 'Administrative fees',
      match: { has: ['行政事业性收费'] },
      columns: [{ key: 'amount', zh: '本年收费金额（万元）', en: 'Fees collected (10k yuan)', kind: 'amount' }],
    },
  ],
};

const ITEMS_2019 = (): ColumnDef[] => [
  count('prev_items', '上一年项目数量', 'Items last year'),
  { key: 'change', zh: '本年增/减', en: 'Change this year', kind: 'signed' },
  count('decisions', '处理决定数量', 'Decisions'),
];
const DOCS_2019 = (): ColumnDef[] => [
  count('new_made', '本年新制作数量', 'Newly made'),
  count('new_published', '本年新公开数量', 'Newly published'),
  count('total_public', '对外公开总数量', 'Total published'),
];

const T2_2019: TableDef = {
  id: 't2',
  zh: '表二 主动公开政府信息情况',
  en: 'Table 2 Proactive disclosure',
  rows: [
    { key: 'rules', zh: '规章', en: 'Rules', match: { ends: ['规章'] }, columns: DOCS_2019() },
    {
      key: 'normative',
      zh: '规范性文件',
      en: 'Normative documents',
      match: { ends: ['规范性文件'] },
      columns: DOCS_2019(),
    },
    { key: 'licensing', zh: '行政许可', en: 'Licensing', match: { ends: ['行政许可'] }, columns: ITEMS_2019() },
    {
      key: 'other_services',
      zh: '其他对外管理服务事项',
      en: 'Other external services',
      match: { has: ['对外管理服务'] },
      columns: ITEMS_2019(),
    },
    { key: 'penalty', zh: '行政处罚', en: 'Penalties', match: { ends: ['行政处罚'] }, columns: ITEMS_2019() },
    { key: 'coercion', zh: '行政强制', en: 'Coercive measures', match: { ends: ['行政强制'] }, columns: ITEMS_2019() },
    {
      key: 'fees',
      zh: '行政事业性收费',
      en: 'Administrative fees',
      match: { has: ['行政事业性收费'] },
      columns: [
        count('prev_items', '上一年项目数量', 'Items last year'),
        { key: 'change', zh: '本年增/减', en: 'Change this year', kind: 'signed' },
      ],
    },
    {
      key: 'procurement',
      zh: '政府集中采购',
      en: 'Government procurement',
      match: { has: ['采购'], not: ['采购项目数量', '采购总金额'] },
      columns: [
        count('items', '采购项目数量', 'Procurement items'),
        { key: 'amount', zh: '采购总金额', en: 'Procurement amount', kind: 'amount' },
      ],
    },
  ],
};

export const FORMATS: Record<FormatId, FormatDef> = {
  '2021': {
    id: '2021',
    zh: '2021年版格式（国办公开办函〔2021〕30号）',
    en: '2021 format',
    markers: ['本年制发件数', '本年废止件数', '现行有效件数', '本年收费金额', '逾期不补正', '缴纳费用'],
    tables: [T2_2021, T3_2021, T4],
  },
  '2019': {
    id: '2019',
    zh: '2019年版格式（国办公开办函〔2019〕60号）',
    en: '2019 format',
    markers: [
      '本年新制作数量',
      '本年新公开数量',
      '对外公开总数量',
      '上一年项目数量',
      '本年增减',
      '采购总金额',
      '采购项目数量',
    ],
    tables: [T2_2019, T3_2019, T4],
  },
};

export interface CellDef {
  key: string;
  table: TableDef['id'];
  row: RowDef;
  column: ColumnDef;
}

/** Canonical cell key of a row/column pair, as in the spec: `t3.new.total`, `t4.review.upheld`. */
export const cellKey = (table: TableDef, row: RowDef, column: ColumnDef): string =>
  row.key ? `${table.id}.${row.key}.${column.key}` : `${table.id}.${column.key}`;

const cellIndex = new Map<FormatId, CellDef[]>();

/** Every cell of a format, in printed order. */
export function cellsOf(format: FormatId): CellDef[] {
  let cells = cellIndex.get(format);
  if (!cells) {
    cells = FORMATS[format].tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        row.columns.map((column) => ({ key: cellKey(table, row, column), table: table.id, row, column })),
      ),
    );
    cellIndex.set(format, cells);
  }
  return cells;
}
