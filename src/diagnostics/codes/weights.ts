/**
 * Findings about data-driven weights, AHP matrices, TOPSIS and grey relational aggregation
 * (issue 12): the validation rules in src/validate/rules/weighting.ts and the derivation in
 * src/weights.
 */
import type { MessageCatalog } from '../catalog.js';
import { q } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

function inPeriod(args: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const period = args['period'];
  if (period === null || period === undefined) return lang === 'zh' ? '（全部时期合并）' : ' across all periods';
  if (typeof period !== 'string' || period === '') return '';
  return lang === 'zh' ? `（时期 ${q(period)}）` : ` in period ${q(period)}`;
}

const REASON_EN: Record<string, string> = {
  'too-few-rows': 'fewer than two regions have every child present',
  'all-constant': 'every child is constant',
  'mean-zero': 'a child has mean 0, so its coefficient of variation is undefined',
};
const REASON_ZH: Record<string, string> = {
  'too-few-rows': '所有子项均有值的地区少于两个',
  'all-constant': '所有子项均为常数',
  'mean-zero': '某子项均值为 0，变异系数无定义',
};

export const WEIGHTS_MESSAGES = {
  'weighting-one-child': {
    severity: 'error',
    en: (a) => `${q(a['group'])} derives its weights by ${q(a['method'])}, but has only one child; there is nothing to weigh`,
    zh: (a) => `${q(a['group'])} 按 ${q(a['method'])} 计算权重，但只有一个子项，无从赋权`,
    hint: { en: () => 'Remove `weighting:` (a single child takes the whole weight), or add siblings.', zh: () => '请删除 `weighting:`（单个子项即占全部权重），或增加同级子项。' },
  },
  'weighting-ahp-missing': {
    severity: 'error',
    en: (a) => `${q(a['group'])} uses AHP weights but has no \`ahp: { matrix }\``,
    zh: (a) => `${q(a['group'])} 使用 AHP 权重，但没有 \`ahp: { matrix }\` 判断矩阵`,
    hint: { en: () => 'Add `ahp: { matrix: [[1, 3], ["1/3", 1]] }` with one row and column per child, in file order.', zh: () => '请添加 `ahp: { matrix: [[1, 3], ["1/3", 1]] }`，按文件中子项的顺序每个子项一行一列。' },
  },
  'weighting-ahp-unused': {
    severity: 'warning',
    en: (a) => `${q(a['group'])} has an \`ahp:\` matrix but its weighting is ${q(a['method'])}; the matrix is not used`,
    zh: (a) => `${q(a['group'])} 写有 \`ahp:\` 判断矩阵，但赋权方法为 ${q(a['method'])}，该矩阵未被使用`,
    hint: { en: () => 'Set `weighting: ahp`, or list ahp in `combine:`, or delete the matrix.', zh: () => '请设置 `weighting: ahp`，或在 `combine:` 中列出 ahp，或删除该矩阵。' },
  },
  'weighting-combine-missing': {
    severity: 'error',
    en: (a) => `${q(a['group'])} has \`weighting: combine\` but no \`combine:\` list`,
    zh: (a) => `${q(a['group'])} 设置了 \`weighting: combine\`，但没有 \`combine:\` 列表`,
    hint: { en: () => 'Add `combine: [{ method: ahp, share: 0.5 }, { method: entropy, share: 0.5 }]`.', zh: () => '请添加 `combine: [{ method: ahp, share: 0.5 }, { method: entropy, share: 0.5 }]`。' },
  },
  'weighting-combine-conflict': {
    severity: 'error',
    en: (a) => `${q(a['group'])} has a \`combine:\` list but \`weighting: ${a['method']}\`; the list would be ignored`,
    zh: (a) => `${q(a['group'])} 写有 \`combine:\` 列表，但 \`weighting: ${a['method']}\`，该列表将被忽略`,
    hint: { en: () => 'Write `weighting: combine` (or leave `weighting:` out), or delete the list.', zh: () => '请写 `weighting: combine`（或省略 `weighting:`），或删除该列表。' },
  },
  'weighting-share-not-positive': {
    severity: 'error',
    en: (a) => `the share ${q(a['share'])} of ${q(a['method'])} in the combined weighting of ${q(a['group'])} must be a finite number > 0`,
    zh: (a) => `${q(a['group'])} 组合赋权中 ${q(a['method'])} 的份额 ${q(a['share'])} 必须是大于 0 的有限数`,
  },
  'weighting-shift-invalid': {
    severity: 'error',
    en: (a) => `the entropy shift ${q(a['shift'])} of ${q(a['group'])} must be a finite number ≥ 0`,
    zh: (a) => `${q(a['group'])} 的熵值平移量 ${q(a['shift'])} 必须是不小于 0 的有限数`,
  },
  'aggregate-rho-invalid': {
    severity: 'error',
    en: (a) => `rho ${q(a['rho'])} of ${q(a['group'])} must lie in (0, 1]`,
    zh: (a) => `${q(a['group'])} 的分辨系数 rho ${q(a['rho'])} 必须在 (0, 1] 之间`,
    hint: { en: () => 'The usual value is 0.5.', zh: () => '常用取值为 0.5。' },
  },
  'aggregate-rho-unused': {
    severity: 'warning',
    en: (a) => `${q(a['group'])} sets rho, which only grey-relational aggregation uses; it is ignored under ${q(a['method'])}`,
    zh: (a) => `${q(a['group'])} 设置了 rho，但只有灰色关联聚合使用它，在 ${q(a['method'])} 下被忽略`,
  },
  'ahp-not-square': {
    severity: 'error',
    en: (a) => `the AHP matrix of ${q(a['group'])} must be square with one row per child (${a['children']}); row ${a['row']} has ${a['length']} entries, the matrix ${a['rows']} rows`,
    zh: (a) => `${q(a['group'])} 的 AHP 判断矩阵须为方阵，每个子项一行（共 ${a['children']} 个）；第 ${a['row']} 行有 ${a['length']} 个元素，矩阵共 ${a['rows']} 行`,
    hint: { en: () => 'Write one row and one column per child, in the order the children appear in the file.', zh: () => '请按子项在文件中的顺序，每个子项一行一列。' },
  },
  'ahp-too-large': {
    severity: 'error',
    en: (a) => `the AHP matrix of ${q(a['group'])} has ${a['size']} rows; Saaty's random index is tabulated only up to 10`,
    zh: (a) => `${q(a['group'])} 的 AHP 判断矩阵有 ${a['size']} 行，Saaty 随机一致性指标仅列到 10 阶`,
    hint: { en: () => 'Split the group into sub-groups of at most 10 children.', zh: () => '请把该组拆分为每组不超过 10 个子项的子组。' },
  },
  'ahp-entry-invalid': {
    severity: 'error',
    en: (a) => `AHP entry ${q(a['entry'])} (row ${a['row']}, column ${a['column']}) of ${q(a['group'])} must be a positive number or fraction like "1/3"`,
    zh: (a) => `${q(a['group'])} 的 AHP 元素 ${q(a['entry'])}（第 ${a['row']} 行第 ${a['column']} 列）必须是正数或 "1/3" 这样的分数`,
  },
  'ahp-diagonal-not-one': {
    severity: 'error',
    en: (a) => `AHP entry (row ${a['row']}, column ${a['row']}) of ${q(a['group'])} is ${q(a['entry'])}; a child compared with itself is 1`,
    zh: (a) => `${q(a['group'])} 的 AHP 对角元素（第 ${a['row']} 行第 ${a['row']} 列）为 ${q(a['entry'])}，自身比较应为 1`,
  },
  'ahp-not-reciprocal': {
    severity: 'error',
    en: (a) => `the AHP matrix of ${q(a['group'])} is not reciprocal: a(${a['row']},${a['column']}) = ${a['entry']} but a(${a['column']},${a['row']}) = ${a['mirror']}, not ${a['expected']}`,
    zh: (a) => `${q(a['group'])} 的 AHP 判断矩阵不满足互反性：a(${a['row']},${a['column']}) = ${a['entry']}，而 a(${a['column']},${a['row']}) = ${a['mirror']}，应为 ${a['expected']}`,
    hint: { en: () => 'Each entry below the diagonal is the reciprocal of its mirror above it: if a_ij = 3 then a_ji = "1/3".', zh: () => '对角线两侧元素互为倒数：若 a_ij = 3，则 a_ji = "1/3"。' },
  },
  'ahp-inconsistent': {
    severity: 'error',
    en: (a) =>
      `the AHP matrix of ${q(a['group'])} is inconsistent: CR = ${a['cr']} (λmax = ${a['lambdaMax']}, CI = ${a['ci']}) is not below ${a['limit']}; the most inconsistent judgement is ${q(a['first'])} vs ${q(a['second'])}`,
    zh: (a) =>
      `${q(a['group'])} 的 AHP 判断矩阵一致性不足：CR = ${a['cr']}（λmax = ${a['lambdaMax']}，CI = ${a['ci']}）未低于 ${a['limit']}；最不一致的判断是 ${q(a['first'])} 与 ${q(a['second'])}`,
    hint: {
      en: () => 'Revise that comparison (and its reciprocal) until CR < 0.1, or accept a larger CR with `ahp: { max_cr: ... }`.',
      zh: () => '请修改该项比较（及其倒数）直至 CR < 0.1，或用 `ahp: { max_cr: ... }` 放宽上限。',
    },
  },
  'ahp-inconsistent-accepted': {
    severity: 'warning',
    en: (a) =>
      `the AHP matrix of ${q(a['group'])} has CR = ${a['cr']} (≥ 0.1), accepted by max_cr ${a['limit']}; the most inconsistent judgement is ${q(a['first'])} vs ${q(a['second'])}`,
    zh: (a) => `${q(a['group'])} 的 AHP 判断矩阵 CR = ${a['cr']}（≥ 0.1），因 max_cr ${a['limit']} 而接受；最不一致的判断是 ${q(a['first'])} 与 ${q(a['second'])}`,
  },
  'weights-fallback': {
    severity: 'warning',
    en: (a) => `${q(a['method'])} weights of ${q(a['group'])} cannot be derived${inPeriod(a, 'en')}: ${REASON_EN[String(a['reason'])] ?? String(a['reason'])}; the fixed weights are used instead`,
    zh: (a) => `${q(a['group'])}${inPeriod(a, 'zh')}无法按 ${q(a['method'])} 计算权重：${REASON_ZH[String(a['reason'])] ?? String(a['reason'])}；改用固定权重`,
    hint: { en: () => 'Check the data of this group, derive over all periods (`weighting_scope: pooled`), or use fixed weights.', zh: () => '请核对该组数据，或改为跨时期合并计算（`weighting_scope: pooled`），或使用固定权重。' },
  },
  'weights-constant-child': {
    severity: 'warning',
    en: (a) => `child ${q(a['child'])} of ${q(a['group'])} is constant${inPeriod(a, 'en')}, so ${q(a['method'])} gives it weight 0`,
    zh: (a) => `${q(a['group'])} 的子项 ${q(a['child'])}${inPeriod(a, 'zh')}为常数，${q(a['method'])} 赋予其权重 0`,
    hint: { en: () => 'A child that does not vary cannot tell regions apart; consider fixed weights or dropping it.', zh: () => '不变的子项无法区分各地区；可考虑固定权重或删除该子项。' },
  },
} as const satisfies MessageCatalog;
