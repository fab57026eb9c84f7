import { z } from 'zod';

// Extension pages forbid eval/new Function (MV3 CSP); zod must not try to compile validators.
z.config({ jitless: true });

/**
 * The exported JSON. These schemas are the single source of truth: the TypeScript types come
 * from them, every export is validated by them, and `schema/report.schema.json` is generated
 * from them (`npm run schema`).
 */

export const RuleId = z.enum([
  't3-balance',
  't3-results-sum',
  't3-row-total',
  't4-group-total',
  'cell-value',
  'narrative-match',
  'format-year',
  'cross-year-carry',
  'cross-year-in-force',
  'sections',
  'section-five',
  'table-missing',
  'fee-statement',
  'report-dates',
  'publication-deadline',
  'organ-names',
  'plausibility',
]);
export type RuleId = z.infer<typeof RuleId>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  rule: RuleId,
  status: z.enum(['fail', 'unchecked', 'pass']),
  severity: Severity,
  /** canonical keys of the cells involved */
  cells: z.array(z.string()),
  expected: z.number().nullable().optional(),
  actual: z.number().nullable().optional(),
  /** cells left blank that the check read as 0 */
  blankAsZero: z.array(z.string()).optional(),
  /** the words of the report the finding is about: a sentence, and the figure in it the check read */
  quote: z.object({ text: z.string(), figure: z.string().optional() }).optional(),
  /** a link the finding points to (the attachment a table is in) */
  href: z.string().optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type Finding = z.infer<typeof Finding>;

export const CellDetail = z.object({
  state: z.enum(['number', 'blank', 'unreadable']),
  /** the text printed on the page (for a run-together row, the whole run) */
  text: z.string(),
  /** where on the page: `table 2, row 5, column 3`, `line 120` */
  loc: z.string(),
  unit: z.string().optional(),
  reason: z.string().optional(),
  derivedBy: z.string().optional(),
});
export type CellDetail = z.infer<typeof CellDetail>;

export const Diagnostic = z.object({
  code: z.string(),
  cells: z.array(z.string()),
  loc: z.string().optional(),
  message: z.object({ zh: z.string(), en: z.string() }),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

/** A printed figure whose change alone would make every failing relation pass. */
export const Suspect = z.object({
  cells: z.array(z.string()),
  printed: z.number(),
  proposed: z.number(),
  /** indexes into findings */
  explains: z.array(z.number().int()),
});
export type Suspect = z.infer<typeof Suspect>;

export const Status = z.enum(['checked', 'not-a-report', 'older-format', 'error']);
export type Status = z.infer<typeof Status>;

export const Report = z.object({
  /** file name or page URL */
  source: z.string(),
  status: Status,
  /** why the page is not checked (for every status but `checked`) */
  reason: z.object({ zh: z.string(), en: z.string() }).optional(),
  title: z.string().nullable(),
  /** the body the report is of (from its title first) */
  organ: z.string().nullable(),
  /** who published the page, as the site's metadata says (ContentSource, 发布机构); may differ from organ */
  publisher: z.string().nullable(),
  /** when the page says it was published (`2024-01-19`), from its metadata or a 发布日期 line */
  published: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.enum(['2021', '2019']).nullable(),
  /** canonical key → number, or null when blank, a dash, or unreadable */
  cells: z.record(z.string(), z.number().nullable()),
  cellDetails: z.record(z.string(), CellDetail),
  findings: z.array(Finding),
  /** the cell(s) most likely wrong: each alone explains every failing relation; empty when none or not one cell does */
  suspects: z.array(Suspect),
  diagnostics: z.array(Diagnostic),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    unchecked: z.number().int(),
    passed: z.number().int(),
    cellsRead: z.number().int(),
    cellsBlank: z.number().int(),
    cellsUnreadable: z.number().int(),
  }),
  /** the same body's previous-year report the cross-year checks compared this one with */
  pairedWith: z
    .object({ source: z.string(), title: z.string().nullable(), year: z.number().int().nullable() })
    .optional(),
  /** links to documents on a page whose tables were not found (the report as an attachment) */
  attachments: z.array(z.object({ text: z.string(), href: z.string() })).optional(),
  generator: z.object({ name: z.literal('nianbao-check'), version: z.string() }),
});
export type Report = z.infer<typeof Report>;
