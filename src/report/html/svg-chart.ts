/**
 * One chart as an inline SVG string: Apache ECharts in server-side mode (no DOM, no canvas).
 *
 * ECharts is loaded on first use, not when the module is imported, so the command line starts
 * without it and only a report pays for it. `createRequire` loads its single-file CommonJS
 * bundle synchronously, which keeps the result formatter the plain `(table, options) => string`
 * every format has (and one file loads faster than the ES module tree).
 *
 * Pitfall: ECharts writes `fontFamily` unescaped into a `style="…"` attribute, so font names
 * carry single quotes only, and no text from a file goes into a style-bearing option (text
 * content itself is escaped by ECharts).
 */
import { createRequire } from 'node:module';
import type { EChartsOption } from 'echarts';

type EChartsModule = typeof import('echarts');

let loaded: EChartsModule | undefined;

function echarts(): EChartsModule {
  loaded ??= createRequire(import.meta.url)('echarts') as EChartsModule;
  return loaded;
}

/** CJK first, so Chinese labels get real glyphs; single quotes only (see the pitfall above). */
export const CHART_FONT = "'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', sans-serif";

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

/** Renders `option` to SVG; animation off (a static page, and stable screenshots); always disposed. */
export function renderSvg(option: EChartsOption, size: ChartSize): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A GeoJSON feature collection registered under `name` for a map series (`--map`). */
export function registerMap(name: string, geoJson: object): void {
  echarts().registerMap(name, geoJson as Parameters<EChartsModule['registerMap']>[1]);
}
