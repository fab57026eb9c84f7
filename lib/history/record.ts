import { z } from 'zod';
import { Report } from '../model';

/** The version of a stored record. Raise it with a step in `migrate` when the shape changes. */
export const RECORD_VERSION = 1;

/** One report kept in the history (报告库): what was read, where, when, and fingerprints to notice a change. */
export const HistoryRecord = z.object({
  v: z.literal(RECORD_VERSION),
  /** the page (or PDF) the report was read from: the record's key */
  url: z.string(),
  checkedAt: z.string(),
  /** fingerprints of the figures read and of the report's text, to say 内容已变更 on a later visit */
  figuresHash: z.string(),
  textHash: z.string(),
  report: Report,
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

/** A record's line in the history page: what the list shows, filters and sorts by, without the whole report. */
export const HistoryRow = z.object({
  url: z.string(),
  checkedAt: z.string(),
  title: z.string().nullable(),
  organ: z.string().nullable(),
  year: z.number().int().nullable(),
  format: z.string().nullable(),
  status: z.string(),
  errors: z.number().int(),
  warnings: z.number().int(),
  pairedYear: z.number().int().nullable(),
});
export type HistoryRow = z.infer<typeof HistoryRow>;

export const rowOf = ({ url, checkedAt, report }: HistoryRecord): HistoryRow => ({
  url,
  checkedAt,
  title: report.title,
  organ: report.organ,
  year: report.year,
  format: report.format,
  status: report.status,
  errors: report.summary.errors,
  warnings: report.summary.warnings,
  pairedYear: report.pairedWith?.year ?? null,
});

/** FNV-1a, 32 bits, as hex: a fingerprint, not a security measure. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export const figuresHash = (report: Report) =>
  fingerprint(
    Object.keys(report.cells)
      .sort()
      .map((k) => `${k}=${report.cells[k]}`)
      .join(';'),
  );

/** The words of a page or a text dump, without its markup or spacing: what "the text changed" compares. */
export const textHash = (content: string) =>
  fingerprint(
    content
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ''),
  );

export function recordOf(
  url: string,
  report: Report,
  content: string,
  checkedAt = new Date().toISOString(),
): HistoryRecord {
  return { v: RECORD_VERSION, url, checkedAt, figuresHash: figuresHash(report), textHash: textHash(content), report };
}

/**
 * A stored record as the current version, or null when it cannot be read (it is then left out, and
 * counted). Version 0 (before fingerprints were kept) gets the figures' fingerprint and an unknown text one.
 */
export function migrate(raw: unknown): HistoryRecord | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const upgraded =
    r.v === undefined && r.report && typeof r.url === 'string'
      ? {
          v: RECORD_VERSION,
          url: r.url,
          checkedAt: typeof r.checkedAt === 'string' ? r.checkedAt : new Date(0).toISOString(),
          figuresHash: figuresHash(r.report as Report),
          textHash: '',
          report: r.report,
        }
      : raw;
  const parsed = HistoryRecord.safeParse(upgraded);
  return parsed.success ? parsed.data : null;
}

/** What a revisit says: the figures or the text changed since the record was made. */
export function changeSince(
  before: HistoryRecord | null | undefined,
  now: HistoryRecord,
): { since: string; figures: boolean; text: boolean } | null {
  if (!before) return null;
  const figures = before.figuresHash !== now.figuresHash;
  const text = !!before.textHash && before.textHash !== now.textHash;
  return figures || text ? { since: before.checkedAt, figures, text } : null;
}
