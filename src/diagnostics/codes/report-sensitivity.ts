/**
 * Findings of `dgmi report --sensitivity FILE.json` about that file: the `dgmi sensitivity
 * --format json` document it must be, for the framework and period being reported.
 */
import type { MessageCatalog } from '../catalog.js';
import { q } from '../catalog.js';

export const REPORT_SENSITIVITY_MESSAGES = {
  'report-sensitivity-json-invalid': {
    severity: 'error',
    en: (a) => `The sensitivity file ${q(a['path'])} is not valid JSON: ${a['reason']}`,
    zh: (a) => `敏感性结果文件 ${q(a['path'])} 不是有效的 JSON：${a['reason']}`,
    hint: {
      en: () => 'Give the file `dgmi sensitivity ... --format json --output FILE.json` wrote, unedited.',
      zh: () => '请提供 `dgmi sensitivity ... --format json --output FILE.json` 生成的原始文件。',
    },
  },
  'report-sensitivity-shape': {
    severity: 'error',
    en: (a) => `The sensitivity file ${q(a['path'])} is not a dgmi sensitivity result: at ${a['at']}, ${a['reason']}`,
    zh: (a) => `敏感性结果文件 ${q(a['path'])} 不是 dgmi 敏感性分析结果：${a['at']} 处 ${a['reason']}`,
    hint: {
      en: () => 'Expected a "dgmi-sensitivity-result/1" document from `dgmi sensitivity --format json`; regenerate it with this dgmi version.',
      zh: () => '应为 `dgmi sensitivity --format json` 生成的 "dgmi-sensitivity-result/1" 文档；请用当前版本的 dgmi 重新生成。',
    },
  },
  'report-sensitivity-other-framework': {
    severity: 'error',
    en: (a) => `The sensitivity file ${q(a['path'])} is for framework ${q(a['found'])}, not ${q(a['expected'])} being reported`,
    zh: (a) => `敏感性结果文件 ${q(a['path'])} 对应的指标体系是 ${q(a['found'])}，而本报告的是 ${q(a['expected'])}`,
    hint: {
      en: () => 'Run `dgmi sensitivity` on the same framework file (id and version) you give `dgmi report`.',
      zh: () => '请用与 `dgmi report` 相同的指标体系文件（id 与版本一致）运行 `dgmi sensitivity`。',
    },
  },
  'report-sensitivity-other-period': {
    severity: 'error',
    en: (a) => `The sensitivity file ${q(a['path'])} has no results for period ${q(a['period'])} (it covers ${a['found']})`,
    zh: (a) => `敏感性结果文件 ${q(a['path'])} 中没有期间 ${q(a['period'])} 的结果（文件中的期间：${a['found']}）`,
    hint: {
      en: () => 'Run `dgmi sensitivity` on the data of the reported period, or choose that period with `--period`.',
      zh: () => '请对所报告期间的数据运行 `dgmi sensitivity`，或用 `--period` 选择文件覆盖的期间。',
    },
  },
  'report-sensitivity-framework-changed': {
    severity: 'warning',
    en: (a) => `The sensitivity file ${q(a['path'])} was computed from a different framework file (sha256 ${a['found']}…, this one ${a['expected']}…) with the same id and version`,
    zh: (a) => `敏感性结果文件 ${q(a['path'])} 基于另一份指标体系文件计算（sha256 ${a['found']}…，本次为 ${a['expected']}…），虽然 id 与版本相同`,
    hint: {
      en: () => 'If the framework was edited since, run `dgmi sensitivity` again so its intervals describe the scores in this report.',
      zh: () => '如果指标体系文件在此之后修改过，请重新运行 `dgmi sensitivity`，使区间与本报告的得分一致。',
    },
  },
  'report-sensitivity-data-changed': {
    severity: 'warning',
    en: (a) => `The sensitivity file ${q(a['path'])} was computed from ${a['count']} data file(s) that are not among this report's inputs (first: ${q(a['file'])})`,
    zh: (a) => `敏感性结果文件 ${q(a['path'])} 所用的 ${a['count']} 个数据文件不在本报告的输入中（第一个：${q(a['file'])}）`,
    hint: {
      en: () => 'Files are compared by sha256: run `dgmi sensitivity` on the same submissions you give `dgmi report`.',
      zh: () => '按 sha256 比较文件：请用与 `dgmi report` 相同的提交数据运行 `dgmi sensitivity`。',
    },
  },
} as const satisfies MessageCatalog;
