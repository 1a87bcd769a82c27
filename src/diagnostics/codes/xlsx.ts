/**
 * Excel workbooks as submissions: files that are not a readable .xlsx (encrypted, old .xls,
 * another zip, damaged), limits that keep a hostile workbook from exhausting memory, and sheet
 * layouts the loader cannot trust (merged cells). Cell problems themselves use the data codes,
 * with the cell address (`Sheet1!D7`) added to their args as `cell`.
 */
import { q, suggestion, type MessageCatalog } from '../catalog.js';

const mib = (bytes: unknown): string => (typeof bytes === 'number' ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : String(bytes));

const SAVE_AS_XLSX = {
  en: () => 'Open it in Excel or WPS and use File → Save As → "Excel Workbook (*.xlsx)", without a password; or save it as "CSV UTF-8".',
  zh: () => '请用 Excel 或 WPS 打开，选择“文件 → 另存为 → Excel 工作簿（*.xlsx）”，不要设置密码；也可另存为“CSV UTF-8”。',
};

const EXPORT_AS_CSV = {
  en: () => 'A genuine workbook this large is better saved as "CSV UTF-8", which dgmi reads without unpacking.',
  zh: () => '如确为正常的大型工作簿，请另存为“CSV UTF-8”，dgmi 读取 CSV 无需解压。',
};

export const XLSX_MESSAGES = {
  'xlsx-encrypted': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is a password-protected (encrypted) workbook; dgmi cannot read encrypted files`,
    zh: (a) => `${q(a['path'])} 是设置了打开密码的（加密）工作簿，dgmi 无法读取加密文件`,
    hint: {
      en: () => 'In Excel: File → Info → Protect Workbook → Encrypt with Password, clear the password, then save as .xlsx. In WPS: File → Document Encryption → clear the password.',
      zh: () => 'Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后另存为 .xlsx；WPS：文件 → 文档加密 → 密码加密，清空密码后保存。',
    },
  },
  'xlsx-legacy-xls': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is an old Excel 97–2003 (.xls) workbook; dgmi reads .xlsx and CSV`,
    zh: (a) => `${q(a['path'])} 是旧版 Excel 97–2003（.xls）工作簿；dgmi 只读取 .xlsx 和 CSV`,
    hint: SAVE_AS_XLSX,
  },
  'xlsx-not-a-workbook': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is a zip archive but not an Excel .xlsx workbook (${String(a['kind'])})`,
    zh: (a) => `${q(a['path'])} 是 zip 压缩包，但不是 Excel .xlsx 工作簿（${String(a['kind'])}）`,
    hint: SAVE_AS_XLSX,
  },
  'xlsx-corrupt': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is not a readable .xlsx workbook (${String(a['reason'])})`,
    zh: (a) => `${q(a['path'])} 不是可读取的 .xlsx 工作簿（${String(a['reason'])}）`,
    hint: {
      en: () => 'The file may be damaged or cut short (an interrupted download or copy). Open it in Excel or WPS and save it again as .xlsx, or save it as "CSV UTF-8".',
      zh: () => '文件可能已损坏或不完整（下载或复制中断）。请用 Excel 或 WPS 打开后重新另存为 .xlsx，或另存为“CSV UTF-8”。',
    },
  },
  'xlsx-unpacked-too-large': {
    severity: 'error',
    en: (a) => `${q(a['path'])} would unpack to ${mib(a['size'])} in ${q(a['part'])}, over the limit of ${mib(a['maxBytes'])}: refusing what may be a zip bomb`,
    zh: (a) => `${q(a['path'])} 中的 ${q(a['part'])} 解压后将达 ${mib(a['size'])}，超过上限 ${mib(a['maxBytes'])}：可能是压缩炸弹，拒绝解压`,
    hint: EXPORT_AS_CSV,
  },
  'xlsx-too-many-cells': {
    severity: 'error',
    en: (a) => `Sheet ${q(a['sheet'])} of ${q(a['path'])} holds more than ${String(a['max'])} cells; it was not read`,
    zh: (a) => `${q(a['path'])} 的工作表 ${q(a['sheet'])} 超过 ${String(a['max'])} 个单元格，未读取`,
    hint: EXPORT_AS_CSV,
  },
  'xlsx-text-too-long': {
    severity: 'error',
    en: (a) => `A text in ${q(a['path'])} is ${String(a['length'])} characters long, more than a cell can hold in Excel (32,767): the file was not written by Excel and was not read`,
    zh: (a) => `${q(a['path'])} 中有一段文本长达 ${String(a['length'])} 个字符，超过 Excel 单元格上限（32,767）：该文件并非 Excel 所写，未读取`,
    hint: SAVE_AS_XLSX,
  },
  'xlsx-sheet-not-found': {
    severity: 'error',
    en: (a) => `No sheet ${q(a['sheet'])} in ${q(a['path'])}; its sheets are: ${String(a['sheets'])}${suggestion(a, 'en')}`,
    zh: (a) => `${q(a['path'])} 中没有工作表 ${q(a['sheet'])}；现有工作表：${String(a['sheets'])}${suggestion(a, 'zh')}`,
    hint: {
      en: () => 'Name the sheet with --sheet exactly as its tab shows it, or leave --sheet out to read the first sheet.',
      zh: () => '请用 --sheet 指定与标签页完全一致的工作表名称，或省略 --sheet 以读取第一个工作表。',
    },
  },
  'xlsx-merged-header': {
    severity: 'error',
    en: (a) => `Header cells ${String(a['range'])} are merged: every column needs a header of its own, so the sheet was not read`,
    zh: (a) => `表头单元格 ${String(a['range'])} 已合并：每一列都需要自己的表头，该工作表未读取`,
    hint: {
      en: () => 'Unmerge them (Home → Merge & Center → Unmerge Cells), give every column one header in a single row, and delete title rows above the header.',
      zh: () => '请取消合并（开始 → 合并后居中 → 取消单元格合并），每列在同一行中只写一个表头，并删除表头上方的标题行。',
    },
  },
  'xlsx-merged-cells': {
    severity: 'warning',
    en: (a) => `${String(a['count'])} merged range(s) below the header (${String(a['ranges'])}): only the top-left cell of each holds a value, the others read as empty`,
    zh: (a) => `表头下方有 ${String(a['count'])} 处合并单元格（${String(a['ranges'])}）：每处只有左上角单元格有值，其余按空白读取`,
    hint: {
      en: () => 'Unmerge them and fill in every cell, e.g. the group of each region on its own row.',
      zh: () => '请取消合并并逐格填写，例如每个地区所在行都填写其分组。',
    },
  },
  'xlsx-formula-uncached': {
    severity: 'warning',
    en: (a) => `${String(a['count'])} formula cell(s) in ${q(a['path'])} have no saved result (first: ${String(a['cell'])}); they read as the formula text`,
    zh: (a) => `${q(a['path'])} 中有 ${String(a['count'])} 个公式单元格没有保存计算结果（第一个：${String(a['cell'])}），按公式文本读取`,
    hint: {
      en: () => 'Open the file in Excel or WPS and save it so the results are stored, or replace the formulas by their values (Paste Special → Values).',
      zh: () => '请用 Excel 或 WPS 打开并保存，使计算结果写入文件；或把公式替换为数值（选择性粘贴 → 数值）。',
    },
  },
} as const satisfies MessageCatalog;
