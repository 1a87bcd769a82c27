/**
 * How a submission's rows are found before any cell is read: where its header is (title rows
 * above it, `--header-row`), and files whose every row disagrees with the header, which are
 * stopped early rather than read row by row to the end.
 */
import type { MessageCatalog } from '../catalog.js';

export const LOADING_MESSAGES = {
  'csv-ragged-stopped': {
    severity: 'error',
    en: (a) =>
      `Stopped reading this file at line ${String(a['line'])}: ${String(a['count'])} rows so far have a number of fields other than the header's ${String(a['expected'])} (the first at line ${String(a['firstLine'])}); none of its rows were used`,
    zh: (a) =>
      `已在第 ${String(a['line'])} 行停止读取此文件：已有 ${String(a['count'])} 行的字段数与表头的 ${String(a['expected'])} 个不符（第一处在第 ${String(a['firstLine'])} 行），此文件的数据均未采用`,
    hint: {
      en: () =>
        'So many rows disagree that the delimiter or the quoting is wrong for the whole file: open it in a text editor, compare the header line with a data line, and save it again as "CSV UTF-8" (comma-separated).',
      zh: () => '大量行与表头不符，通常是整个文件的分隔符或引号有误：请用文本编辑器打开，对照表头行与数据行，再另存为“CSV UTF-8（逗号分隔）”。',
    },
  },
  'header-row-detected': {
    severity: 'warning',
    en: (a) => `Row ${String(a['line'])} was taken as the header: the ${String(a['skipped'])} row(s) above it match no column of the framework (a title, notes) and were skipped`,
    zh: (a) => `已将第 ${String(a['line'])} 行作为表头：其上 ${String(a['skipped'])} 行与框架的任何列都不匹配（标题、说明等），已跳过`,
    hint: {
      en: (a) => `Pass --header-row ${String(a['line'])} to say so (and silence this warning), or delete the rows above the header.`,
      zh: (a) => `可加参数 --header-row ${String(a['line'])} 明确指定（不再提示），或删除表头上方的行。`,
    },
  },
  'header-row-missing': {
    severity: 'error',
    en: (a) => `--header-row ${String(a['row'])}: the file has no non-blank row at or below row ${String(a['row'])}`,
    zh: (a) => `--header-row ${String(a['row'])}：文件第 ${String(a['row'])} 行及以下没有非空行`,
    hint: {
      en: () => 'Give the row number the header has in Excel (or in a text editor, its line number), counting from 1.',
      zh: () => '请给出表头在 Excel 中的行号（文本编辑器中即行号），从 1 开始计。',
    },
  },
} as const satisfies MessageCatalog;
