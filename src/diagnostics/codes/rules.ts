/**
 * Stage two of framework validation: the semantic rules in src/validate/rules, each a named
 * check over a framework that may or may not have passed the schema. Codes are stable; the
 * args each code takes are the ones its rule passes (see the rule's module).
 */
import { q, suggestion, type MessageCatalog } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

/** Whose normalisation a constant belongs to: an indicator, or `defaults`. */
function owner(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  if (a['owner'] === 'defaults') return 'defaults.normalise';
  return lang === 'zh' ? `指标 ${q(a['owner'])}` : `indicator ${q(a['owner'])}`;
}

function range(a: DiagnosticArgs): string {
  return `[${String(a['rangeMin'] ?? '')}, ${String(a['rangeMax'] ?? '')}]`;
}

const GOALPOST_EFFECT = {
  'top-unreachable': { en: 'no valid value reaches the upper goalpost, so a normalised 1 is never given', zh: '任何有效值都达不到上限，归一化结果永远到不了 1' },
  'bottom-unreachable': { en: 'no valid value reaches the lower goalpost, so a normalised 0 is never given', zh: '任何有效值都达不到下限，归一化结果永远到不了 0' },
  'all-clip': { en: 'every valid value falls on one side of it and clips to the same score', zh: '所有有效值都在其同一侧，会被截断为同一得分' },
} as const;

function goalpostEffect(a: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const effect = a['effect'];
  return effect === 'top-unreachable' || effect === 'bottom-unreachable' || effect === 'all-clip' ? GOALPOST_EFFECT[effect][lang] : '';
}

const ROLE_ZH: Readonly<Record<string, string>> = { region: '地区代码', name: '地区名称', group: '地区分组', period: '时期' };

export const RULES_MESSAGES = {
  // Ids and structure
  'id-duplicate': {
    severity: 'error',
    en: (a) => `Id ${q(a['id'])} is already used on line ${String(a['firstLine'] ?? '?')}; ids of dimensions, groups and indicators are unique across the file`,
    zh: (a) => `标识符 ${q(a['id'])} 已在第 ${String(a['firstLine'] ?? '?')} 行使用；维度、分组和指标的标识符在整个文件中必须唯一`,
    hint: { en: () => 'Rename one of them; ids name submission columns and output rows.', zh: () => '请重命名其中一个；标识符用作填报表的列名和结果的行名。' },
  },
  'tier-id-duplicate': {
    severity: 'error',
    en: (a) => `Tier level id ${q(a['id'])} is already used on line ${String(a['firstLine'] ?? '?')}`,
    zh: (a) => `等级标识符 ${q(a['id'])} 已在第 ${String(a['firstLine'] ?? '?')} 行使用`,
    hint: { en: () => 'Give each tier level its own id.', zh: () => '每个等级应有各自的标识符。' },
  },
  'group-mixed-children': {
    severity: 'error',
    en: (a) => `Group ${q(a['group'])} has both groups and indicators; a group has one kind of children`,
    zh: (a) => `分组 ${q(a['group'])} 同时包含 groups 和 indicators；一个分组只能有一种下级`,
    hint: {
      en: () => 'Move the indicators into a sub-group of their own.',
      zh: () => '请把这些指标移入单独的子分组。',
    },
  },
  'group-no-children': {
    severity: 'error',
    en: (a) => `Group ${q(a['group'])} has no groups and no indicators, so it has nothing to score`,
    zh: (a) => `分组 ${q(a['group'])} 既没有 groups 也没有 indicators，无可计分的内容`,
    hint: { en: () => 'Add indicators (or sub-groups), or remove the group.', zh: () => '请添加指标（或子分组），或删除该分组。' },
  },
  'id-is-column-name': {
    severity: 'error',
    en: (a) => `Id ${q(a['id'])} is also the name of the ${String(a['role'] ?? '')} column, so a submission header ${q(a['id'])} would mean two things`,
    zh: (a) => `标识符 ${q(a['id'])} 与${ROLE_ZH[String(a['role'])] ?? ''}列同名，填报表中的列名 ${q(a['id'])} 会有两种含义`,
    hint: {
      en: (a) => `Rename the node, or rename the column with columns: { ${String(a['role'] ?? 'region')}: … }.`,
      zh: (a) => `请重命名该节点，或通过 columns: { ${String(a['role'] ?? 'region')}: … } 更改列名。`,
    },
  },
  'columns-not-distinct': {
    severity: 'error',
    en: (a) => `The ${String(a['role'] ?? '')} column and the ${String(a['first'] ?? '')} column are both ${q(a['column'])}`,
    zh: (a) => `${ROLE_ZH[String(a['role'])] ?? ''}列与${ROLE_ZH[String(a['first'])] ?? ''}列都是 ${q(a['column'])}`,
    hint: { en: () => 'The region, name, group and period columns must be four different columns.', zh: () => '地区代码、名称、分组和时期必须是四个不同的列。' },
  },

  // Numbers of the framework and its nodes
  'scale-not-positive': {
    severity: 'error',
    en: (a) => `scale ${String(a['scale'] ?? '')} must be a finite number > 0`,
    zh: (a) => `scale ${String(a['scale'] ?? '')} 必须是大于 0 的有限数`,
    hint: { en: () => 'Scores are reported on [0, scale]; 100 is the usual choice.', zh: () => '得分范围为 [0, scale]，通常取 100。' },
  },
  'precision-invalid': {
    severity: 'error',
    en: (a) => `precision ${String(a['precision'] ?? '')} must be a whole number from 0 to ${String(a['max'] ?? 10)}`,
    zh: (a) => `precision ${String(a['precision'] ?? '')} 必须是 0 到 ${String(a['max'] ?? 10)} 之间的整数`,
    hint: { en: () => 'precision is the number of decimals kept before ranking, e.g. 2.', zh: () => 'precision 是排名前保留的小数位数，例如 2。' },
  },
  'weight-not-positive': {
    severity: 'error',
    en: (a) => `Weight ${String(a['weight'] ?? '')} of ${q(a['node'])} must be a finite number > 0`,
    zh: (a) => `${q(a['node'])} 的权重 ${String(a['weight'] ?? '')} 必须是大于 0 的有限数`,
    hint: {
      en: () => 'Weights are shares among siblings; to leave a node out, remove it.',
      zh: () => '权重是同级之间的相对份额；如不想计入某节点，请将其删除。',
    },
  },
  'range-inverted': {
    severity: 'error',
    en: (a) => `range [${String(a['min'] ?? '')}, ${String(a['max'] ?? '')}] of indicator ${q(a['indicator'])} must have min < max`,
    zh: (a) => `指标 ${q(a['indicator'])} 的 range [${String(a['min'] ?? '')}, ${String(a['max'] ?? '')}] 必须满足 min < max`,
    hint: { en: () => 'Write the range as [lowest valid value, highest valid value].', zh: () => '请按 [最小有效值, 最大有效值] 书写 range。' },
  },
  'goalpost-inverted': {
    severity: 'error',
    en: (a) => `Goalposts of ${owner(a, 'en')} must have min < max (found min ${String(a['min'] ?? '')}, max ${String(a['max'] ?? '')})`,
    zh: (a) => `${owner(a, 'zh')} 的 goalpost 上下限必须满足 min < max（实际 min ${String(a['min'] ?? '')}，max ${String(a['max'] ?? '')}）`,
    hint: {
      en: () => 'For an indicator where lower is better, keep min < max and set direction: negative.',
      zh: () => '对越低越好的指标，请保持 min < max 并设置 direction: negative。',
    },
  },
  'target-not-positive': {
    severity: 'error',
    en: (a) => `Target ${String(a['target'] ?? '')} of ${owner(a, 'en')} must be a finite number > 0; the score is a ratio to it`,
    zh: (a) => `${owner(a, 'zh')} 的目标值 target ${String(a['target'] ?? '')} 必须是大于 0 的有限数；得分是与它的比值`,
    hint: {
      en: () => 'For a target of 0 use goalpost normalisation instead.',
      zh: () => '如目标为 0，请改用 goalpost 归一化。',
    },
  },
  'goalpost-outside-range': {
    severity: 'warning',
    en: (a) => `Goalpost ${String(a['bound'] ?? '')} ${String(a['value'] ?? '')} of indicator ${q(a['indicator'])} lies outside its range ${range(a)}: ${goalpostEffect(a, 'en')}`,
    zh: (a) => `指标 ${q(a['indicator'])} 的 goalpost ${String(a['bound'] ?? '')} ${String(a['value'] ?? '')} 超出其 range ${range(a)}：${goalpostEffect(a, 'zh')}`,
    hint: { en: () => 'Put the goalposts inside the range, or widen the range.', zh: () => '请把 goalpost 上下限放在 range 之内，或放宽 range。' },
  },
  'target-outside-range': {
    severity: 'warning',
    en: (a) =>
      `Target ${String(a['target'] ?? '')} of indicator ${q(a['indicator'])} lies ${a['side'] === 'below' ? 'below' : 'above'} its range ${range(a)}, so every valid value is on the same side of it`,
    zh: (a) =>
      `指标 ${q(a['indicator'])} 的目标值 ${String(a['target'] ?? '')} ${a['side'] === 'below' ? '低于' : '高于'}其 range ${range(a)}，所有有效值都在目标的同一侧`,
    hint: { en: () => 'Check the target and the range against the methodology.', zh: () => '请对照评估方法核对目标值和 range。' },
  },

  // Levels
  'level-value-duplicate': {
    severity: 'error',
    en: (a) => `Answer ${q(a['answer'])} of indicator ${q(a['indicator'])} has value ${String(a['value'] ?? '')}, already given to ${q(a['first'])}`,
    zh: (a) => `指标 ${q(a['indicator'])} 的选项 ${q(a['answer'])} 取值 ${String(a['value'] ?? '')}，与 ${q(a['first'])} 相同`,
    hint: {
      en: () => 'Give each answer its own value; if two wordings mean the same, keep one.',
      zh: () => '每个选项应有不同的值；如两种说法含义相同，请只保留一个。',
    },
  },
  'level-outside-range': {
    severity: 'error',
    en: (a) => `Answer ${q(a['answer'])} of indicator ${q(a['indicator'])} has value ${String(a['value'] ?? '')}, outside its range ${range(a)}, so that answer would be rejected`,
    zh: (a) => `指标 ${q(a['indicator'])} 的选项 ${q(a['answer'])} 取值 ${String(a['value'] ?? '')}，超出其 range ${range(a)}，填写该选项会被拒绝`,
    hint: { en: () => 'Widen the range or change the level value.', zh: () => '请放宽 range 或修改该选项的取值。' },
  },
  'levels-empty': {
    severity: 'error',
    en: (a) => `The levels of indicator ${q(a['indicator'])} list no answer`,
    zh: (a) => `指标 ${q(a['indicator'])} 的 levels 没有任何选项`,
    hint: { en: () => 'List the answers with their values, e.g. { 未建立: 0, 试点: 1, 全面推行: 2 }, or remove levels.', zh: () => '请列出选项及取值，例如 { 未建立: 0, 试点: 1, 全面推行: 2 }，或删除 levels。' },
  },

  // Transforms
  'transform-domain': {
    severity: 'error',
    en: (a) =>
      `${a['owner'] === 'defaults' ? 'defaults' : `Indicator ${q(a['owner'])}`}: ${String(a['transform'] ?? '')} needs every bound ${String(a['domain'] ?? '')}, but its ${String(a['bound'] ?? '')} is ${String(a['value'] ?? '')}`,
    zh: (a) =>
      `${a['owner'] === 'defaults' ? 'defaults' : `指标 ${q(a['owner'])}`}：${String(a['transform'] ?? '')} 要求所有边界 ${String(a['domain'] ?? '')}，但其 ${String(a['bound'] ?? '')} 为 ${String(a['value'] ?? '')}`,
    hint: {
      en: () => 'Transforms apply to the range, goalposts and target too; use log1p for counts that can be 0.',
      zh: () => '变换同样作用于 range、goalpost 和 target；可能为 0 的计数请用 log1p。',
    },
  },
  'transform-without-range': {
    severity: 'warning',
    en: (a) =>
      `Indicator ${q(a['indicator'])} uses ${String(a['transform'] ?? '')}${a['inherited'] === true ? ' (from defaults)' : ''} with ${String(a['method'] ?? '')} and has no range, so a value not ${String(a['domain'] ?? '')} is only found when scoring rejects it`,
    zh: (a) =>
      `指标 ${q(a['indicator'])} 使用 ${String(a['transform'] ?? '')}${a['inherited'] === true ? '（来自 defaults）' : ''} 和 ${String(a['method'] ?? '')}，但没有 range；不满足 ${String(a['domain'] ?? '')} 的值要到计分时才会被拒绝`,
    hint: { en: () => 'Add a range, e.g. range: [0, 100000].', zh: () => '请添加 range，例如 range: [0, 100000]。' },
  },

  // Normalisation and aggregation
  'zscore-under-multiplicative': {
    severity: 'error',
    en: (a) =>
      `Indicator ${q(a['indicator'])} keeps raw z-scores (rescale: none), which are negative below the mean, but its group ${q(a['group'])} aggregates with ${String(a['method'] ?? '')}`,
    zh: (a) =>
      `指标 ${q(a['indicator'])} 保留原始 z 分数（rescale: none），低于均值时为负数，而其所在分组 ${q(a['group'])} 使用 ${String(a['method'] ?? '')} 聚合`,
    hint: { en: () => 'Use rescale: minmax, or aggregate the group arithmetically.', zh: () => '请改用 rescale: minmax，或对该分组使用算术平均。' },
  },
  'aggregate-zero-by-normalisation': {
    severity: 'warning',
    en: (a) =>
      `Group ${q(a['group'])} aggregates with ${String(a['method'] ?? '')}, but its indicator(s) ${String(a['indicators'] ?? '')} are normalised so that the lowest region gets 0, which zeroes that region's group score`,
    zh: (a) =>
      `分组 ${q(a['group'])} 使用 ${String(a['method'] ?? '')} 聚合，但其指标 ${String(a['indicators'] ?? '')} 的归一化方式会使最低的地区得 0，从而使该地区的分组得分为 0`,
    hint: {
      en: () => 'Use goalpost normalisation with the lower goalpost below the lowest plausible value (as the HDI does), or aggregate arithmetically.',
      zh: () => '请使用 goalpost 归一化，并把下限设在最低可能值之下（如 HDI 的做法），或改用算术平均。',
    },
  },
  'aggregate-zero-by-missing': {
    severity: 'warning',
    en: (a) =>
      `Group ${q(a['group'])} aggregates with ${String(a['method'] ?? '')}, but its indicator(s) ${String(a['indicators'] ?? '')} score a missing value as 0, so one missing cell zeroes the group`,
    zh: (a) =>
      `分组 ${q(a['group'])} 使用 ${String(a['method'] ?? '')} 聚合，但其指标 ${String(a['indicators'] ?? '')} 将缺失值记为 0，一个缺失值就会使整个分组得 0`,
    hint: { en: () => 'Use missing: reweight (or an imputation) for these indicators.', zh: () => '请对这些指标使用 missing: reweight（或插补）。' },
  },
  'weight-ignored-by-minimum': {
    severity: 'info',
    en: (a) => `${a['group'] === 'framework' ? 'The framework' : `Group ${q(a['group'])}`} aggregates with minimum, which ignores the weights of its children`,
    zh: (a) => `${a['group'] === 'framework' ? '框架' : `分组 ${q(a['group'])} `}使用 minimum 聚合，会忽略其下级的权重`,
    hint: { en: () => 'Remove the weights, or use another aggregation.', zh: () => '请删除这些权重，或改用其他聚合方式。' },
  },
  'none-range-outside-unit': {
    severity: 'warning',
    en: (a) => `Indicator ${q(a['indicator'])} uses normalise: none (values already on [0, 1]) but its range ${range(a)} reaches outside [0, 1]`,
    zh: (a) => `指标 ${q(a['indicator'])} 使用 normalise: none（值已在 [0, 1] 内），但其 range ${range(a)} 超出 [0, 1]`,
    hint: { en: () => 'Use goalpost normalisation with the range as goalposts.', zh: () => '请改用 goalpost 归一化，以 range 的两端作为上下限。' },
  },

  // Units
  'boolean-unit-with-levels': {
    severity: 'warning',
    en: (a) => `Indicator ${q(a['indicator'])} has unit: boolean and levels; cells are read with the levels, not as yes/no`,
    zh: (a) => `指标 ${q(a['indicator'])} 同时设置了 unit: boolean 和 levels；单元格将按 levels 读取，而不是按是/否读取`,
    hint: { en: () => 'Remove one of them.', zh: () => '请删除其中之一。' },
  },
  'percent-range-beyond-hundred': {
    severity: 'info',
    en: (a) => `Indicator ${q(a['indicator'])} is a percent but its range ${range(a)} goes beyond [0, 100]`,
    zh: (a) => `指标 ${q(a['indicator'])} 的单位是百分比，但其 range ${range(a)} 超出 [0, 100]`,
    hint: { en: () => 'Fine for growth rates; otherwise use range: [0, 100].', zh: () => '增长率等可以如此；否则请用 range: [0, 100]。' },
  },

  // Names
  'name-missing-language': {
    severity: 'warning',
    en: (a) => `The name of ${q(a['owner'])} has no ${a['missing'] === 'zh' ? 'Chinese (zh)' : 'English (en)'} text; the other language is shown instead`,
    zh: (a) => `${q(a['owner'])} 的名称缺少${a['missing'] === 'zh' ? '中文（zh）' : '英文（en）'}；将以另一种语言显示`,
    hint: { en: (a) => `Add ${String(a['missing'] ?? 'en')}: to the name.`, zh: (a) => `请在名称中添加 ${String(a['missing'] ?? 'en')}:。` },
  },
  'indicator-name-duplicate': {
    severity: 'warning',
    en: (a) => `Indicator ${q(a['indicator'])} has the name ${q(a['name'])}, like indicator ${q(a['first'])}; a submission column headed ${q(a['name'])} is ambiguous`,
    zh: (a) => `指标 ${q(a['indicator'])} 的名称 ${q(a['name'])} 与指标 ${q(a['first'])} 相同；以此为列名的填报列无法区分`,
    hint: { en: () => 'Give the indicators distinct names, or head submission columns with ids.', zh: () => '请为指标起不同的名称，或在填报表中使用标识符作列名。' },
  },

  // Tiers
  'tier-rule-empty': {
    severity: 'error',
    en: () => 'A tier rule is empty; it needs exactly one of score, rank, percentile, dimension, any_dimension, all, any, not',
    zh: () => '等级规则为空；应恰好包含 score、rank、percentile、dimension、any_dimension、all、any、not 之一',
  },
  'tier-rule-several-keys': {
    severity: 'error',
    en: (a) => `A tier rule has several keys (${String(a['keys'] ?? '')}); each rule object has exactly one`,
    zh: (a) => `等级规则包含多个键（${String(a['keys'] ?? '')}）；每个规则对象只能有一个键`,
    hint: { en: () => 'Combine them explicitly with all: [...] or any: [...].', zh: () => '请用 all: [...] 或 any: [...] 明确组合。' },
  },
  'tier-otherwise-nested': {
    severity: 'warning',
    en: () => "'otherwise' inside all/any/not always holds (or, under not, never does); it belongs only as a level's whole rule",
    zh: () => "'otherwise' 嵌套在 all/any/not 中时总是成立（在 not 中则永不成立）；它只应作为某一等级的完整规则",
  },
  'tier-test-no-measure': {
    severity: 'error',
    en: (a) => `${String(a['test'] ?? 'dimension')} test names no measure; it needs exactly one of score, rank, percentile`,
    zh: (a) => `${String(a['test'] ?? 'dimension')} 条件没有指定度量；应恰好包含 score、rank、percentile 之一`,
  },
  'tier-test-several-measures': {
    severity: 'error',
    en: (a) => `${String(a['test'] ?? 'dimension')} test names several measures (${String(a['measures'] ?? '')}); it takes exactly one`,
    zh: (a) => `${String(a['test'] ?? 'dimension')} 条件指定了多个度量（${String(a['measures'] ?? '')}）；只能有一个`,
    hint: { en: () => 'Write one test per measure and combine them with all: [...].', zh: () => '请每个度量写一个条件，并用 all: [...] 组合。' },
  },
  'tier-dimension-unknown': {
    severity: 'error',
    en: (a) => `Tier rule tests dimension ${q(a['id'])}, which does not exist${suggestion(a, 'en')}`,
    zh: (a) => `等级规则引用的维度 ${q(a['id'])} 不存在${suggestion(a, 'zh')}`,
    hint: { en: (a) => `Dimensions: ${String(a['dimensions'] ?? '')}.`, zh: (a) => `现有维度：${String(a['dimensions'] ?? '')}。` },
  },
  'tier-dimension-not-dimension': {
    severity: 'error',
    en: (a) => `Tier rule tests ${q(a['id'])}, which is ${a['kind'] === 'indicator' ? 'an indicator' : 'a sub-group'} under dimension ${q(a['dimension'])}, not a dimension`,
    zh: (a) => `等级规则引用的 ${q(a['id'])} 是维度 ${q(a['dimension'])} 下的${a['kind'] === 'indicator' ? '指标' : '子分组'}，不是维度`,
    hint: { en: (a) => `Tier rules test dimensions (first-level groups), e.g. id: ${String(a['dimension'] ?? '')}.`, zh: (a) => `等级规则只能引用维度（第一级分组），例如 id: ${String(a['dimension'] ?? '')}。` },
  },
  'tier-bounds-inverted': {
    severity: 'error',
    en: (a) => `${String(a['measure'] ?? '')} bounds have min ${String(a['min'] ?? '')} > max ${String(a['max'] ?? '')}, so no region can meet them`,
    zh: (a) => `${String(a['measure'] ?? '')} 的界限 min ${String(a['min'] ?? '')} 大于 max ${String(a['max'] ?? '')}，任何地区都无法满足`,
  },
  'tier-rank-below-one': {
    severity: 'error',
    en: (a) => `rank ${String(a['bound'] ?? '')} ${String(a['value'] ?? '')} is below 1; the top rank is 1`,
    zh: (a) => `rank 的 ${String(a['bound'] ?? '')} 为 ${String(a['value'] ?? '')}，小于 1；最高名次为 1`,
  },
  'tier-percentile-outside-unit': {
    severity: 'error',
    en: (a) => `percentile ${String(a['bound'] ?? '')} ${String(a['value'] ?? '')} is outside [0, 1]; a percentile is a share of regions`,
    zh: (a) => `percentile 的 ${String(a['bound'] ?? '')} 为 ${String(a['value'] ?? '')}，超出 [0, 1]；百分位是地区所占的比例`,
    hint: { en: () => 'Write the top 10% as { min: 0.9 }, not { min: 90 }.', zh: () => '前 10% 应写作 { min: 0.9 }，而不是 { min: 90 }。' },
  },
  'tier-score-unreachable': {
    severity: 'warning',
    en: (a) => `score ${String(a['bound'] ?? '')} ${String(a['value'] ?? '')} lies outside [0, ${String(a['scale'] ?? 100)}], so no region can meet it`,
    zh: (a) => `score 的 ${String(a['bound'] ?? '')} 为 ${String(a['value'] ?? '')}，超出 [0, ${String(a['scale'] ?? 100)}]，任何地区都无法满足`,
  },
  'tier-bounds-empty': {
    severity: 'warning',
    en: (a) => `${String(a['measure'] ?? '')} bounds give neither min nor max, so every scored region meets them`,
    zh: (a) => `${String(a['measure'] ?? '')} 的界限既没有 min 也没有 max，所有已评分地区都满足`,
    hint: { en: () => "Give a bound, or use 'otherwise' for a catch-all level.", zh: () => "请给出界限；兜底等级请用 'otherwise'。" },
  },
  'tier-level-rule-missing': {
    severity: 'error',
    en: (a) => `Tier level ${q(a['level'])} has no rule; under method rules every level needs one`,
    zh: (a) => `等级 ${q(a['level'])} 没有规则；rules 方法下每个等级都需要规则`,
    hint: { en: () => "Add a rule, e.g. rule: { rank: { max: 4 } }, or rule: otherwise for the last level.", zh: () => '请添加规则，例如 rule: { rank: { max: 4 } }；最后一级可用 rule: otherwise。' },
  },
  'tier-otherwise-missing': {
    severity: 'error',
    en: () => "No tier level has the rule 'otherwise', so a region that meets no rule gets no tier",
    zh: () => "没有规则为 'otherwise' 的等级，不符合任何规则的地区将没有等级",
    hint: { en: () => "End the levels with a catch-all level: rule: otherwise.", zh: () => '请在末尾加一个兜底等级：rule: otherwise。' },
  },
  'tier-level-unreachable': {
    severity: 'error',
    en: (a) => `Tier level ${q(a['level'])} comes after ${q(a['otherwise'])}, whose rule 'otherwise' takes every remaining region, so it is never reached`,
    zh: (a) => `等级 ${q(a['level'])} 位于 ${q(a['otherwise'])} 之后，而后者的规则 'otherwise' 已接收所有剩余地区，该等级永远不会被使用`,
    hint: { en: () => "Move the 'otherwise' level to the end.", zh: () => "请把 'otherwise' 等级移到最后。" },
  },
  'tier-breaks-too-few-levels': {
    severity: 'error',
    en: (a) => `natural-breaks needs at least 2 tier levels, found ${String(a['count'] ?? 0)}`,
    zh: (a) => `natural-breaks 至少需要 2 个等级，实际为 ${String(a['count'] ?? 0)} 个`,
  },
  'tier-breaks-rule-ignored': {
    severity: 'warning',
    en: (a) => `Tier level ${q(a['level'])} has a rule, which natural-breaks ignores`,
    zh: (a) => `等级 ${q(a['level'])} 设置了规则，但 natural-breaks 方法会忽略它`,
    hint: { en: () => 'Remove the rule, or use method: rules.', zh: () => '请删除该规则，或改用 method: rules。' },
  },
} as const satisfies MessageCatalog;

export type RulesDiagnosticCode = keyof typeof RULES_MESSAGES;
