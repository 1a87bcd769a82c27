/**
 * Every word a person reads in a results table, in one place: localized column headers, the
 * period heading, the provenance note, and the framework's own names for tiers and groups.
 * Machine formats (JSON, CSV headers) use ids instead and never come here for headers.
 */
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';

export interface ResultHeaders {
  readonly rank: string;
  readonly region: string;
  readonly group: string;
  readonly score: string;
  readonly tier: string;
}

export const RESULT_HEADERS: Readonly<Record<Lang, ResultHeaders>> = {
  zh: { rank: '排名', region: '地区', group: '分组', score: '得分', tier: '等级' },
  en: { rank: 'Rank', region: 'Region', group: 'Group', score: 'Score', tier: 'Tier' },
};

/** What a table shows where there is no value (unscored row, missing dimension, no tier). */
export const NO_VALUE = '—';

/** The name of group `groupId` in `lang`, falling back to the other language, then to the id. */
export function groupLabel(framework: ResolvedFramework, groupId: string, lang: Lang): string {
  return pickText(framework.nodeById.get(groupId)?.name, lang, groupId);
}

/** The name of tier `levelIndex` in `lang` (falling back to its id); '' when untiered (-1). */
export function tierLabel(framework: ResolvedFramework, levelIndex: number, lang: Lang): string {
  const level = levelIndex >= 0 ? framework.tiers?.levels[levelIndex] : undefined;
  return level ? pickText(level.name, lang, level.id) : '';
}

/** The id of tier `levelIndex`, or undefined when untiered. */
export function tierId(framework: ResolvedFramework, levelIndex: number): string | undefined {
  return levelIndex >= 0 ? framework.tiers?.levels[levelIndex]?.id : undefined;
}

/** `2022 — 中国数字政府发展指数`; just the framework name when the data has no period column. */
export function periodHeading(framework: ResolvedFramework, period: string, lang: Lang): string {
  const name = pickText(framework.name, lang, framework.id);
  return period === '' ? name : `${period} — ${name}`;
}

/** `上海 (310000)`: the name people know, then the code that identifies it; the code alone if unnamed. */
export function regionLabel(code: string, name: string): string {
  return name === '' || name === code ? code : `${name} (${code})`;
}

/**
 * One line saying which framework produced the numbers, so a pasted table can be traced back:
 * id, version and the first 12 hex digits of the framework file's sha256 (parts that are
 * unknown are left out), then the tool version.
 */
export function provenanceNote(framework: ResolvedFramework, toolVersion: string, lang: Lang): string {
  const sha = framework.sha256?.slice(0, 12);
  if (lang === 'zh') {
    const parts = [`指标框架 ${framework.id}`];
    if (framework.version !== undefined) parts.push(`版本 ${framework.version}`);
    if (sha !== undefined) parts.push(`sha256 ${sha}`);
    return `${parts.join('，')}（dgmi ${toolVersion}）`;
  }
  const parts = [`Framework ${framework.id}`];
  if (framework.version !== undefined) parts.push(`version ${framework.version}`);
  if (sha !== undefined) parts.push(`sha256 ${sha}`);
  return `${parts.join(', ')} (dgmi ${toolVersion})`;
}
