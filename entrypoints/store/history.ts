import { type IDBPDatabase, openDB } from 'idb';
import { previousYearOf } from '../../lib/history/body';
import { type HistoryRecord, HistoryRow, migrate, rowOf } from '../../lib/history/record';
import { PAIRING_KEY } from '../../lib/messages';
import type { Report } from '../../lib/model';

const DB = 'nianbao-history';
/** the whole records, keyed by URL */
const REPORTS = 'reports';
/** one short line per record, what the history page lists (added in version 2) */
const ROWS = 'rows';

let db: Promise<IDBPDatabase> | null = null;
/** The history database. Each version adds what it needs and keeps every record. */
function open(): Promise<IDBPDatabase> {
  db ??= openDB(DB, 2, {
    async upgrade(database, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) database.createObjectStore(REPORTS, { keyPath: 'url' });
      if (oldVersion < 2) {
        // version 1 kept whole records only: each gets its line
        const rows = database.createObjectStore(ROWS, { keyPath: 'url' });
        for (let cursor = await tx.objectStore(REPORTS).openCursor(); cursor; cursor = await cursor.continue()) {
          const record = migrate(cursor.value);
          if (record) await rows.put(rowOf(record));
        }
      }
    },
    // another page (the history page upgrading, a deletion) needs the database: let go, reopen on next use
    blocking() {
      void db?.then((d) => d.close());
      db = null;
    },
  });
  return db;
}

export const history = {
  async get(url: string): Promise<HistoryRecord | null> {
    return migrate(await (await open()).get(REPORTS, url));
  },
  /** Every line of the history page; `skipped` counts those that do not read as the current version. */
  async rows(): Promise<{ rows: HistoryRow[]; skipped: number }> {
    const raw = await (await open()).getAll(ROWS);
    const rows = raw.flatMap((r) => {
      const parsed = HistoryRow.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
    return { rows, skipped: raw.length - rows.length };
  },
  /** Whole records: of these URLs, or all. Each validated with the model; unreadable ones are left out. */
  async records(urls?: string[]): Promise<HistoryRecord[]> {
    const database = await open();
    const raw = urls ? await Promise.all(urls.map((u) => database.get(REPORTS, u))) : await database.getAll(REPORTS);
    return raw.map(migrate).filter((r): r is HistoryRecord => !!r);
  },
  /**
   * The previous-year report the page at `url` is compared with: the user's choice (another report,
   * or none), else the same body's year before; its source is its URL.
   */
  async previousFor(url: string, report: Report): Promise<Report | null> {
    const chosen = ((await browser.storage.local.get(PAIRING_KEY))[PAIRING_KEY] ?? {}) as Record<string, string | null>;
    const { rows } = await history.rows();
    // the lines are enough to find it; only that one is read whole
    const line =
      url in chosen
        ? rows.find((r) => r.url === chosen[url])
        : previousYearOf(
            report,
            rows.filter((r) => r.url !== url && r.status === 'checked'),
          );
    const [before] = line ? await history.records([line.url]) : [];
    return before ? { ...before.report, source: before.url } : null;
  },
  async put(record: HistoryRecord): Promise<void> {
    await history.putMany([record]);
  },
  async putMany(records: HistoryRecord[]): Promise<void> {
    const tx = (await open()).transaction([REPORTS, ROWS], 'readwrite');
    await Promise.all([
      ...records.flatMap((r) => [tx.objectStore(REPORTS).put(r), tx.objectStore(ROWS).put(rowOf(r))]),
      tx.done,
    ]);
  },
  async remove(url: string): Promise<void> {
    const tx = (await open()).transaction([REPORTS, ROWS], 'readwrite');
    await Promise.all([tx.objectStore(REPORTS).delete(url), tx.objectStore(ROWS).delete(url), tx.done]);
  },
  async clear(): Promise<void> {
    const tx = (await open()).transaction([REPORTS, ROWS], 'readwrite');
    await Promise.all([tx.objectStore(REPORTS).clear(), tx.objectStore(ROWS).clear(), tx.done]);
  },
};
