/**
 * Diagnostics of tier assignment (src/tier). Tiering never fails a run: every code here is a
 * warning that says why some region got no tier, or fewer tiers than the framework lists.
 */
import type { MessageCatalog } from '../catalog.js';
import { q } from '../catalog.js';
import type { DiagnosticArgs } from '../diagnostic.js';

function inPeriod(args: DiagnosticArgs, lang: 'en' | 'zh'): string {
  const period = args['period'];
  if (typeof period !== 'string' || period === '') return '';
  return lang === 'zh' ? `${period} 期` : ` in period ${q(period)}`;
}

export const TIER_MESSAGES = {
  'tier-classes-fewer-than-levels': {
    severity: 'warning',
    en: (a) =>
      `natural breaks${inPeriod(a, 'en')}: only ${q(a['distinct'])} distinct composite score(s) for ${q(a['levels'])} tier levels, so ${q(a['distinct'])} class(es) were formed; the best scores take the top levels and the lowest levels stay empty`,
    zh: (a) =>
      `自然断点${inPeriod(a, 'zh')}：综合得分只有 ${q(a['distinct'])} 个不同的值，而等级有 ${q(a['levels'])} 个，因此只分出 ${q(a['distinct'])} 类；得分高的占据靠前的等级，最低的等级空缺`,
    hint: {
      en: () => 'score more regions in the period, or list fewer tier levels',
      zh: () => '增加该期参评地区，或减少等级数量',
    },
  },
  'tier-unmatched': {
    severity: 'warning',
    en: (a) =>
      `${q(a['count'])} scored region(s)${inPeriod(a, 'en')} matched no tier level and are left untiered (e.g. ${String(a['regions'] ?? '')})`,
    zh: (a) => `${inPeriod(a, 'zh')}有 ${q(a['count'])} 个已评分地区不符合任何等级规则，未划分等级（如 ${String(a['regions'] ?? '')}）`,
    hint: {
      en: () => "end the tier levels with a catch-all level whose rule is 'otherwise'",
      zh: () => "在等级列表末尾加一个规则为 'otherwise' 的兜底等级",
    },
  },
} as const satisfies MessageCatalog;

export type TierDiagnosticCode = keyof typeof TIER_MESSAGES;
