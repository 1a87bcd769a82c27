/**
 * Section 9, map — only on request (`--map boundaries.geojson`): regions coloured by tier on the
 * organisation's own approved boundary file (maps published in China need an approval number,
 * 审图号, so dgmi ships no map data). Features are matched to regions by code; regions without
 * a feature are listed.
 */
import type { EChartsOption } from 'echarts';
import { printable } from '../../printable.js';
import { regionLabel, tierLabel } from '../../results/labels.js';
import { escapeHtml } from '../escape.js';
import type { MapBoundaries, MapFeature, ReportData } from '../report-data.js';
import { registerMap, renderSvg } from '../svg-chart.js';
import { tierColour, tierColours } from '../tier-colours.js';
import { REPORT_WORDS } from '../words.js';
import { figure, type HtmlSection } from './section.js';

/** Feature properties that may hold the region code, in the order they are tried. */
export const CODE_PROPERTIES = ['adcode', 'code', 'region', 'id', 'gb', 'name'] as const;

/** Where dgmi puts the matched code on its copy of a feature (the map series looks names up there). */
const CODE_KEY = 'dgmiRegionCode';

/** The code of a feature: the first of {@link CODE_PROPERTIES} that holds a string or number, else the feature's `id`. */
export function featureCode(feature: MapFeature & { readonly id?: unknown }): string | undefined {
  for (const key of CODE_PROPERTIES) {
    const value = feature.properties?.[key];
    if (typeof value === 'string' || typeof value === 'number') return String(value);
  }
  return typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined;
}

/** Region codes of `rows` with a feature in `map`, and those without. */
export function matchRegions(map: MapBoundaries, codes: readonly string[]): { matched: Set<string>; unmatched: string[] } {
  const present = new Set(map.geoJson.features.map(featureCode).filter((c): c is string => c !== undefined));
  const matched = new Set(codes.filter((c) => present.has(c)));
  return { matched, unmatched: codes.filter((c) => !present.has(c)) };
}

let mapsRegistered = 0;

export function mapSection(data: ReportData): HtmlSection | undefined {
  const map = data.map;
  if (!map) return undefined;
  const words = REPORT_WORDS[data.lang];
  const { dataset, framework, tier } = data.table;
  const codes = data.rows.map((row) => dataset.region[row] ?? '');
  const { unmatched } = matchRegions(map, codes);
  const features = map.geoJson.features.map((f) => ({ ...f, properties: { ...(f.properties ?? {}), [CODE_KEY]: featureCode(f) ?? '' } }));
  // A fresh name per report: ECharts keeps registered maps for the life of the process.
  const name = `dgmi-map-${++mapsRegistered}`;
  registerMap(name, { ...map.geoJson, features });
  const colours = tierColours(framework);
  const option: EChartsOption = {
    series: [
      {
        type: 'map',
        map: name,
        nameProperty: CODE_KEY,
        roam: false,
        label: { show: false },
        itemStyle: { areaColor: '#eeeeee', borderColor: '#ffffff', borderWidth: 0.5 },
        data: data.rows.map((row) => ({ name: dataset.region[row] ?? '', value: tier[row] ?? -1, itemStyle: { areaColor: tierColour(colours, tier[row] ?? -1) } })),
      },
    ],
  };
  const svg = renderSvg(option, { width: 900, height: 640 });
  const legend = (framework.tiers?.levels ?? []).map((_, i) => `<span class="swatch tier-${i}"></span>${escapeHtml(tierLabel(framework, i, data.lang))}`).join(' ');
  const unmatchedText =
    unmatched.length === 0
      ? `<p>${escapeHtml(words.mapAllMatched)}</p>`
      : `<p class="unmatched">${escapeHtml(words.mapUnmatched(unmatched.length))} ${escapeHtml(
          unmatched.map((code) => printable(regionLabel(code, dataset.name[data.rows[codes.indexOf(code)] ?? 0] ?? ''))).join(data.lang === 'zh' ? '、' : ', '),
        )}</p>`;
  return {
    id: 'map',
    title: words.map,
    body: `<p class="muted">${escapeHtml(words.mapSource(map.path))}</p>\n${figure('map', svg, legend)}\n${unmatchedText}`,
  };
}
