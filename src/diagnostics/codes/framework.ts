import { q, suggestion, type MessageCatalog } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

/** `where` is a document path such as `dimensions[0].indicators[2]`, or `(top level)`. */
const whereZh = (a: DiagnosticArgs): string => (a['where'] === '(top level)' ? '顶层' : String(a['where']));

/** Stage one of framework validation: the shape of the file (zod schema). */
export const FRAMEWORK_MESSAGES = {
  'schema-unknown-field': {
    severity: 'error',
    en: (a) => `Unknown field ${q(a['field'])} in ${a['where']}${suggestion(a, 'en')}`,
    zh: (a) => `${whereZh(a)} 中有未知字段 ${q(a['field'])}${suggestion(a, 'zh')}`,
    hint: {
      en: (a) => `Allowed here: ${a['allowed']}.`,
      zh: (a) => `此处允许的字段：${a['allowed']}。`,
    },
  },
  'schema-required': {
    severity: 'error',
    en: (a) => `Missing required field ${q(a['field'])} in ${a['where']}`,
    zh: (a) => `${whereZh(a)} 缺少必填字段 ${q(a['field'])}`,
    hint: { en: (a) => `Add \`${a['field']}:\` here.`, zh: (a) => `请在此处添加 \`${a['field']}:\`。` },
  },
  'schema-type': {
    severity: 'error',
    en: (a) => `${q(a['field'])} must be ${a['expected']}, found ${a['found']}`,
    zh: (a) => `${q(a['field'])} 应为 ${a['expected']}，实际为 ${a['found']}`,
  },
  'schema-not-a-string': {
    severity: 'error',
    en: (a) => `${q(a['field'])} must be text, but YAML reads ${a['written']} as the value ${a['read']}`,
    zh: (a) => `${q(a['field'])} 应为文本，但 YAML 会把 ${a['written']} 读成值 ${a['read']}`,
    hint: {
      en: (a) => `Quote it: ${a['field']}: "${a['written']}" (unquoted 1.10 becomes 1.1 and 010 becomes 10).`,
      zh: (a) => `请加引号：${a['field']}: "${a['written']}"（不加引号时 1.10 会变成 1.1，010 会变成 10）。`,
    },
  },
  'schema-enum': {
    severity: 'error',
    en: (a) => `${q(a['field'])} cannot be ${q(a['found'])}${suggestion(a, 'en')}`,
    zh: (a) => `${q(a['field'])} 不能是 ${q(a['found'])}${suggestion(a, 'zh')}`,
    hint: { en: (a) => `Use one of: ${a['options']}.`, zh: (a) => `可选值：${a['options']}。` },
  },
  'schema-empty': {
    severity: 'error',
    en: (a) => `${q(a['field'])} must have at least ${a['minimum']} item(s)`,
    zh: (a) => `${q(a['field'])} 至少需要 ${a['minimum']} 项`,
  },
  'schema-empty-text': {
    severity: 'error',
    en: (a) => `${q(a['field'])} must not be empty`,
    zh: (a) => `${q(a['field'])} 不能为空`,
  },
  'schema-id-format': {
    severity: 'error',
    en: (a) => `${q(a['field'])} ${q(a['found'])} is not a valid id`,
    zh: (a) => `${q(a['field'])} ${q(a['found'])} 不是有效的标识符`,
    hint: {
      en: () => 'Ids have no spaces, commas or semicolons; use letters, digits, _ or -.',
      zh: () => '标识符不能含空格、逗号或分号；请使用字母、数字、_ 或 -。',
    },
  },
  'schema-invalid': {
    severity: 'error',
    en: (a) => `${q(a['field'])} is invalid: ${a['detail']}`,
    zh: (a) => `${q(a['field'])} 无效：${a['detail']}`,
  },
  'format-unsupported': {
    severity: 'error',
    en: (a) => `Unsupported format ${q(a['found'])}; this dgmi reads ${a['expected']}`,
    zh: (a) => `不支持的格式 ${q(a['found'])}；本版本 dgmi 读取 ${a['expected']}`,
    hint: { en: (a) => `Start the file with: format: ${a['expected']}`, zh: (a) => `文件开头应为：format: ${a['expected']}` },
  },
  'framework-not-a-mapping': {
    severity: 'error',
    en: (a) => `A framework is a YAML mapping (key: value), found ${a['found']}`,
    zh: (a) => `框架应为 YAML 映射（键: 值），实际为 ${a['found']}`,
    hint: {
      en: () => 'Start from indicators/cn-dgdi.yaml or run `dgmi schema` for the format.',
      zh: () => '可参照 indicators/cn-dgdi.yaml，或运行 `dgmi schema` 查看格式。',
    },
  },
  'rule-crashed': {
    severity: 'error',
    en: (a) => `Internal error in validation rule ${a['rule']}: ${a['detail']}`,
    zh: (a) => `校验规则 ${a['rule']} 内部错误：${a['detail']}`,
    hint: { en: () => 'Please report this as a bug.', zh: () => '请将此问题作为缺陷报告。' },
  },
} as const satisfies MessageCatalog;
