import { q, type MessageCatalog } from '../catalog.js';

const mib = (bytes: unknown): string => (typeof bytes === 'number' ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${String(bytes)} MiB`);

/** Reading and decoding any input file, and YAML syntax. */
export const FILE_MESSAGES = {
  'file-not-found': {
    severity: 'error',
    en: (a) => `File not found: ${q(a['path'])}`,
    zh: (a) => `找不到文件：${q(a['path'])}`,
    hint: { en: () => 'Check the path and the current directory.', zh: () => '请检查路径和当前目录。' },
  },
  'file-unreadable': {
    severity: 'error',
    en: (a) => `Cannot read ${q(a['path'])} (${a['reason']})`,
    zh: (a) => `无法读取 ${q(a['path'])}（${a['reason']}）`,
    hint: { en: () => 'Check the file permissions.', zh: () => '请检查文件权限。' },
  },
  'file-is-directory': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is a directory, not a file`,
    zh: (a) => `${q(a['path'])} 是目录，不是文件`,
    hint: { en: () => 'Name the files inside it, e.g. dir/*.csv.', zh: () => '请列出其中的文件，例如 dir/*.csv。' },
  },
  'file-too-large': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is ${mib(a['size'])}, over the limit of ${mib(a['maxBytes'])}`,
    zh: (a) => `${q(a['path'])} 大小为 ${mib(a['size'])}，超过上限 ${mib(a['maxBytes'])}`,
    hint: {
      en: () => 'Raise the limit with --max-bytes if the file is genuine.',
      zh: () => '如确为正常文件，可用 --max-bytes 提高上限。',
    },
  },
  'file-empty': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is empty`,
    zh: (a) => `${q(a['path'])} 是空文件`,
    hint: { en: () => 'The file has no content to read.', zh: () => '文件中没有可读取的内容。' },
  },
  'file-binary': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is not a text file`,
    zh: (a) => `${q(a['path'])} 不是文本文件`,
    hint: {
      en: () => 'Save it as CSV (UTF-8) or YAML; spreadsheets must be exported first.',
      zh: () => '请另存为 CSV（UTF-8）或 YAML；电子表格需先导出。',
    },
  },
  'file-encoding-invalid': {
    severity: 'error',
    en: (a) => `${q(a['path'])} is not valid ${a['encoding']}`,
    zh: (a) => `${q(a['path'])} 不是有效的 ${a['encoding']} 编码`,
    hint: {
      en: () => 'Drop --encoding to detect it, or name the right one (utf8, gb18030, utf16le).',
      zh: () => '去掉 --encoding 以自动识别，或指定正确的编码（utf8、gb18030、utf16le）。',
    },
  },
  'yaml-syntax': {
    severity: 'error',
    en: (a) => `YAML syntax error: ${a['detail']}`,
    zh: (a) => `YAML 语法错误：${a['detail']}`,
    hint: {
      en: () => 'Check indentation (spaces, not tabs), colons and brackets on this line.',
      zh: () => '请检查此行的缩进（用空格，不用制表符）、冒号和括号。',
    },
  },
  'yaml-duplicate-key': {
    severity: 'error',
    en: (a) => `Duplicate key ${q(a['key'])}: a later value would silently replace the earlier one`,
    zh: (a) => `重复的键 ${q(a['key'])}：后面的值会悄悄覆盖前面的值`,
    hint: { en: () => 'Remove or rename one of them.', zh: () => '请删除或重命名其中一个。' },
  },
  'yaml-multiple-documents': {
    severity: 'error',
    en: (a) => `The file holds ${a['count']} YAML documents; a framework is one document`,
    zh: (a) => `文件包含 ${a['count']} 个 YAML 文档；一个框架只能是一个文档`,
    hint: { en: () => 'Remove the `---` separator or split the file.', zh: () => '请删除 `---` 分隔符或拆分文件。' },
  },
  'yaml-alias-limit': {
    severity: 'error',
    en: (a) => `Too many YAML aliases (more than ${a['max']}): refusing to expand what may be an alias bomb`,
    zh: (a) => `YAML 别名过多（超过 ${a['max']} 个）：可能是别名炸弹，拒绝展开`,
    hint: { en: () => 'Write the repeated parts out, or use fewer *aliases.', zh: () => '请直接写出重复的部分，或减少 *别名 的使用。' },
  },
} as const satisfies MessageCatalog;
