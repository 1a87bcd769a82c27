/**
 * `--detail`: how much of each result a machine-readable format carries. At township scale
 * (40,000 regions × 200 indicators) the indicator entries are 95 % of the output, and most
 * uses (a ranking, a map, a dashboard) need only the composite or the groups.
 */

/** `summary`: region, period, score, rank, tier; `groups`: and every group's scores; `indicators`: and every indicator's value, normalised value and imputed flag. */
export const RESULT_DETAILS = ['summary', 'groups', 'indicators'] as const;

export type ResultDetail = (typeof RESULT_DETAILS)[number];

/**
 * Each format's default keeps what it wrote before `--detail` existed: JSON and NDJSON the
 * whole `dgmi-result/1` result (the contract), CSV one column per group. Parquet follows CSV:
 * a township-scale file with indicators is ten times larger, so they are asked for explicitly.
 */
export const DEFAULT_DETAIL = { json: 'indicators', ndjson: 'indicators', csv: 'groups', parquet: 'groups' } as const satisfies Record<string, ResultDetail>;

/** The formats `--detail` applies to. */
export type DetailedFormat = keyof typeof DEFAULT_DETAIL;

export function isDetailedFormat(format: string): format is DetailedFormat {
  return Object.hasOwn(DEFAULT_DETAIL, format);
}

export function hasGroups(detail: ResultDetail): boolean {
  return detail !== 'summary';
}

export function hasIndicators(detail: ResultDetail): boolean {
  return detail === 'indicators';
}
