import { FORMATS, cellKey, type FormatId } from '../format/layouts';

const names = new Map<string, { zh: string; en: string }>();
for (const format of Object.values(FORMATS)) {
  for (const table of format.tables) {
    for (const row of table.rows) {
      for (const column of row.columns) {
        const key = cellKey(table, row, column);
        const tableZh = table.zh.split(' ')[0];
        const tableEn = table.en.split(' ').slice(0, 2).join(' ');
        names.set(`${format.id}:${key}`, {
          zh: row.zh ? `${tableZh}「${row.zh.replace(/^（[一二三四五六七]）\S+ (?=\d)/, '')}」${column.zh}` : `${tableZh}「${column.zh}」`,
          en: row.en ? `${tableEn} "${row.en}" ${column.en}` : `${tableEn} "${column.en}"`,
        });
      }
    }
  }
}

/** A cell's name for people: `表三「（七）总计」总计`. */
export function cellName(format: FormatId, key: string, lang: 'zh' | 'en' = 'zh'): string {
  return names.get(`${format}:${key}`)?.[lang] ?? key;
}
