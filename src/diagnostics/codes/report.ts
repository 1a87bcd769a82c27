/**
 * Findings of `dgmi report` about its own inputs: the boundary file given with `--map` (the
 * framework and submissions are checked by the loaders every command shares).
 */
import type { MessageCatalog } from '../catalog.js';
import { q } from '../catalog.js';

export const REPORT_MESSAGES = {
  'map-json-invalid': {
    severity: 'error',
    en: (a) => `The boundary file ${q(a['path'])} is not valid JSON: ${a['reason']}`,
    zh: (a) => `边界文件 ${q(a['path'])} 不是有效的 JSON：${a['reason']}`,
    hint: {
      en: () => 'Give a GeoJSON FeatureCollection (as exported by GIS software), saved as UTF-8.',
      zh: () => '请提供 GeoJSON FeatureCollection（GIS 软件导出的格式），以 UTF-8 保存。',
    },
  },
  'map-not-feature-collection': {
    severity: 'error',
    en: (a) => `The boundary file ${q(a['path'])} is not a GeoJSON FeatureCollection (found ${a['found']})`,
    zh: (a) => `边界文件 ${q(a['path'])} 不是 GeoJSON FeatureCollection（实际为 ${a['found']}）`,
    hint: {
      en: () => 'The top level needs "type": "FeatureCollection" and a "features" array; each feature carries the region code in properties.adcode, code, region or id.',
      zh: () => '顶层须有 "type": "FeatureCollection" 和 "features" 数组；每个要素在 properties 的 adcode、code、region 或 id 中给出地区代码。',
    },
  },
} as const satisfies MessageCatalog;
