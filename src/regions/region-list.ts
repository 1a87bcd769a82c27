/**
 * A framework's own region list (`regions: cities.csv`) → a region reference. The file has the
 * columns `code,name[,short][,group][,en]` (or 代码, 名称, 简称, 分组, 英文名称); `short` may hold
 * several names separated by `|` or `、`. Every listed region is required. Problems (no code
 * column, an empty or repeated code) are located diagnostics; the good rows still make a list.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { normaliseText } from '../load/cells.js';
import type { CsvTable } from '../load/csv-table.js';
import { createRegionReference, regionKey, type ReferenceRegion, type RegionReference } from './region-reference.js';

const LIST_COLUMNS = ['code', 'name', 'short', 'group', 'en'] as const;
type ListColumn = (typeof LIST_COLUMNS)[number];

const LIST_ALIASES: Readonly<Record<ListColumn, readonly string[]>> = {
  code: ['code', 'region', '代码', '区划代码', '行政区划代码', '地区代码'],
  name: ['name', '名称', '地区名称', '地区', '全称'],
  short: ['short', 'short name', 'alias', 'aliases', '简称', '别名'],
  group: ['group', '分组', '区域'],
  en: ['en', 'english', 'english name', '英文名称', '英文名'],
};

const ALIAS_SEPARATOR = /[|、]/u;

export interface RegionListResult {
  /** Absent when the file has no code column or no region at all. */
  readonly reference?: RegionReference;
  readonly diagnostics: Diagnostic[];
}

function columnOf(header: readonly string[]): Partial<Record<ListColumn, number>> {
  const columns: Partial<Record<ListColumn, number>> = {};
  header.forEach((text, index) => {
    const key = regionKey(text);
    const column = LIST_COLUMNS.find((c) => LIST_ALIASES[c].includes(key));
    if (column !== undefined && columns[column] === undefined) columns[column] = index;
  });
  return columns;
}

/** Read the region list in `table` (parsed from `file`). Pure. */
export function regionListFromTable(table: CsvTable, file: string): RegionListResult {
  const diagnostics: Diagnostic[] = [];
  const columns = columnOf(table.header);
  table.header.forEach((text, index) => {
    if (text.trim() !== '' && !Object.values(columns).includes(index)) {
      diagnostics.push(makeDiagnostic('regions-column-unknown', { header: text }, { file, line: table.headerLine, column: index + 1 }));
    }
  });
  const codeColumn = columns.code;
  if (codeColumn === undefined) {
    diagnostics.push(makeDiagnostic('regions-column-missing', { path: file }, { file, line: table.headerLine }));
    return { diagnostics };
  }
  const cell = (fields: readonly string[], column: number | undefined): string => (column === undefined ? '' : normaliseText(fields[column] ?? ''));
  const firstLine = new Map<string, number>();
  const regions: ReferenceRegion[] = [];
  for (const record of table.records) {
    // The CSV reader has already reported a row whose fields do not fit the header.
    if (record.isRagged) continue;
    const code = cell(record.fields, codeColumn);
    if (code === '') {
      diagnostics.push(makeDiagnostic('regions-code-empty', {}, { file, line: record.line, column: codeColumn + 1 }));
      continue;
    }
    const first = firstLine.get(regionKey(code));
    if (first !== undefined) {
      diagnostics.push(makeDiagnostic('regions-code-duplicate', { code, first: `${file}:${first}` }, { file, line: record.line, column: codeColumn + 1 }));
      continue;
    }
    firstLine.set(regionKey(code), record.line);
    const name = cell(record.fields, columns.name);
    const en = cell(record.fields, columns.en);
    const aliases = cell(record.fields, columns.short)
      .split(ALIAS_SEPARATOR)
      .map((a) => a.trim())
      .filter((a) => a !== '');
    regions.push({
      code,
      name: name || code,
      label: name,
      aliases,
      ...(en === '' ? {} : { en }),
      group: cell(record.fields, columns.group),
      isRequired: true,
      source: { file, line: record.line },
    });
  }
  if (regions.length === 0) {
    diagnostics.push(makeDiagnostic('regions-list-empty', { path: file }, { file, line: table.headerLine }));
    return { diagnostics };
  }
  return { reference: createRegionReference(file, regions), diagnostics };
}
