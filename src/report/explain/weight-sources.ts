/**
 * Where the weights on an explained region's path came from (issue 12): one note per node whose
 * children are not weighted by their `weight:` fields — the method, the period the weights were
 * derived for, and for AHP the consistency ratio — so a reader knows an effective weight may
 * have been set by the data rather than by the framework's authors.
 */
import type { Explanation } from '../../analyse/explain.js';
import type { Lang } from '../../model/i18n.js';
import { fallbackNote, methodLabel, nodeLabel, orderedWeights, periodLabel } from '../weights/view.js';

export function weightSourceNotes(explanation: Explanation, lang: Lang): string[] {
  const { table, period } = explanation;
  const records = orderedWeights({ framework: table.framework, weights: table.weights ?? [] }).filter((w) => w.method !== 'fixed' && (w.period === null || w.period === period.label));
  return records.map((record) => {
    const node = nodeLabel(table.framework, record.group, record.isTop, lang);
    const method = methodLabel(record.method, lang);
    const where = periodLabel(record.period, lang);
    const cr = record.ahp ? (lang === 'zh' ? `，CR = ${record.ahp.cr.toFixed(3)}` : `, CR = ${record.ahp.cr.toFixed(3)}`) : '';
    const fallback = fallbackNote(record, lang);
    const tail = fallback === '' ? '' : lang === 'zh' ? `；${fallback}` : `; ${fallback}`;
    return lang === 'zh'
      ? `权重来源：${node} 的子项权重按${method}确定（${where}${cr}）${tail}，详见 dgmi weights。`
      : `Weights: the children of ${node} are weighted by ${method} (${where}${cr})${tail}; see dgmi weights.`;
  });
}
