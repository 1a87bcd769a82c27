/**
 * Reading the boundary file of `dgmi report --map`: the organisation's own GeoJSON
 * FeatureCollection (dgmi ships no map data). Bounded in size, parsed, and checked only for the
 * shape the map needs; a JSON syntax error is located by line and column.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDocument } from 'yaml';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { MapBoundaries, MapFeature } from '../report/html/report-data.js';
import { decodeFailureDiagnostic, decodeText } from './decode.js';
import { readInputFile } from './file.js';

/** Province-level boundaries are a few megabytes; county-level ones tens. */
export const DEFAULT_MAP_MAX_BYTES = 256 * 1024 * 1024;

export interface LoadedMap {
  readonly map?: MapBoundaries;
  readonly diagnostics: readonly Diagnostic[];
}

/** 1-based line and column of character `offset` of `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/**
 * Where a JSON syntax error is. Node 20's JSON.parse names a position only for some errors, so
 * when it does not, the text is parsed again by the YAML parser (JSON is YAML 1.2 flow syntax),
 * whose errors carry a line and column.
 */
export function errorPosition(message: string, text: string): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/u.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/u.exec(message);
  if (position) return lineColumnAt(text, Number(position[1]));
  const at = parseDocument(text, { prettyErrors: true }).errors[0]?.linePos?.[0];
  return at ? { line: at.line, column: at.col } : undefined;
}

/** The parser's message on one line: Node quotes the offending text, line breaks and all. */
export function oneLine(message: string): string {
  const flat = message.replace(/\s+/gu, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const type = (value as { type?: unknown }).type;
    return typeof type === 'string' ? `type "${type}"` : 'an object without "type"';
  }
  return typeof value;
}

export function parseMapBoundaries(text: string, path: string): LoadedMap {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { diagnostics: [makeDiagnostic('map-json-invalid', { path, reason: oneLine(message) }, { file: path, ...errorPosition(message, text) })] };
  }
  const collection = value as { type?: unknown; features?: unknown };
  if (typeof value !== 'object' || value === null || collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    return { diagnostics: [makeDiagnostic('map-not-feature-collection', { path, found: describe(value) }, { file: path, line: 1, column: 1 })] };
  }
  return { map: { path, geoJson: { type: 'FeatureCollection', features: collection.features as MapFeature[] } }, diagnostics: [] };
}

export async function loadMapBoundaries(path: string, maxBytes = DEFAULT_MAP_MAX_BYTES): Promise<LoadedMap> {
  const read = await readInputFile(path, maxBytes);
  if (!read.file) return { diagnostics: read.diagnostics };
  const decoded = decodeText(read.file.bytes);
  if (!('text' in decoded)) return { diagnostics: [decodeFailureDiagnostic(decoded, path)] };
  return parseMapBoundaries(decoded.text, path);
}
