import { FORMATS, cellKey, type FormatId } from '../format/layouts';

let names: Map<string, { zh: string; en: string }> | undefined;

/** Built on first use: the content script pays nothing for it on pages that are not reports. */
function buildNames(): Map<string, { zh: string; en: string }> {
  const map = new Map<string, { zh: string; en: string }>();
  for (const format of Object.values(FORMATS)) {
    for (const table of format.tables) {
      const tableZh = table.zh.split(' ')[0];
      const tableEn = table.en.split(' ').slice(0, 2).join(' ');
      for (const row of table.rows) {
        for (const column of row.columns) {
          map.set(`${format.id}:${cellKey(table, row, column)}`, {
            zh: row.zh
              ? `${tableZh}「${row.zh.replace(/^（[一二三四五六七]）\S+ (?=\d)/, '')}」${column.zh}`
              : `${tableZh}「${column.zh}」`,
            en: row.en ? `${tableEn} "${row.en}" ${column.en}` : `${tableEn} "${column.en}"`,
          });
        }
      }
    }
  }
  return map;
}

/** A cell's name for people: `表三「（七）总计」总计`. */
export function cellName(format: FormatId, key: string, lang: 'zh' | 'en' = 'zh'): string {
  names ??= buildNames();
  return names.get(`${format}:${key}`)?.[lang] ?? key;
}
