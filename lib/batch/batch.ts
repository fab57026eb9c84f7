import { z } from 'zod';

/** One linked report of a batch: waiting, read (with what was found), or not read (and why). */
export const BatchItem = z.object({
  url: z.string(),
  text: z.string(),
  state: z.enum(['pending', 'done', 'failed']),
  reason: z.object({ zh: z.string(), en: z.string() }).optional(),
  errors: z.number().int().optional(),
  warnings: z.number().int().optional(),
});
export type BatchItem = z.infer<typeof BatchItem>;

/** "检查本页链接的全部年报": the links of one column page, checked a few at a time; kept so it resumes. */
export const Batch = z.object({
  source: z.string(),
  items: z.array(BatchItem),
  status: z.enum(['running', 'paused', 'cancelled', 'finished']),
  /** follow the column's 下一页 links */
  followPages: z.boolean(),
  nextPage: z.string().nullable(),
  pagesRead: z.number().int(),
  startedAt: z.string(),
});
export type Batch = z.infer<typeof Batch>;

export const BATCH_KEY = 'nianbao-batch';
/** requests at once, to one site, and the pause between them: a reviewer's tool, not a crawler */
export const BATCH_CONCURRENCY = 2;
export const BATCH_DELAY_MS = 1000;
export const BATCH_PAGES_MAX = 20;

export function newBatch(
  source: string,
  links: { text: string; href: string }[],
  nextPage: string | null,
  followPages: boolean,
): Batch {
  return {
    source,
    items: links.map((l) => ({ url: l.href, text: l.text, state: 'pending' as const })),
    status: 'running',
    followPages,
    nextPage,
    pagesRead: 1,
    startedAt: new Date().toISOString(),
  };
}

/** Adds a further page's links, each once. */
export function withMoreLinks(batch: Batch, links: { text: string; href: string }[], nextPage: string | null): Batch {
  const known = new Set(batch.items.map((i) => i.url));
  const fresh = links
    .filter((l) => !known.has(l.href))
    .map((l) => ({ url: l.href, text: l.text, state: 'pending' as const }));
  return { ...batch, items: [...batch.items, ...fresh], nextPage, pagesRead: batch.pagesRead + 1 };
}

export const progressOf = (batch: Batch) => {
  const done = batch.items.filter((i) => i.state === 'done').length;
  const failed = batch.items.filter((i) => i.state === 'failed').length;
  return { done, failed, total: batch.items.length, left: batch.items.length - done - failed };
};
