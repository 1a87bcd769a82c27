/** Region group labels shared by every report that shows a region's group. */
import type { Lang } from '../model/i18n.js';

/** The zh and en names of the National Bureau of Statistics' four region groups. */
const NBS_GROUP_NAMES: ReadonlyMap<string, Readonly<Record<Lang, string>>> = new Map([
  ['east', { zh: '东部', en: 'East' }],
  ['central', { zh: '中部', en: 'Central' }],
  ['west', { zh: '西部', en: 'West' }],
  ['northeast', { zh: '东北', en: 'Northeast' }],
]);

/** A region group's name in `lang`: 东部/中部/西部/东北 for the NBS ids, any other label as it is. */
export function regionGroupLabel(group: string, lang: Lang): string {
  return NBS_GROUP_NAMES.get(group)?.[lang] ?? group;
}
