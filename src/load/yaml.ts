/**
 * YAML with positions. Every later diagnostic about a framework points at `file:line:col`, so
 * we keep the parsed Document and a LineCounter and resolve paths back to source ranges. Syntax
 * errors, duplicate keys and alias bombs become diagnostics, never exceptions.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';

/** Aliases a framework may use; real files need a handful (shared `levels` maps), bombs need thousands. */
export const MAX_ALIAS_COUNT = 100;

export type DocumentPath = readonly (string | number)[];

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  /** Where `path` is in the file: the value's start, or with `target: 'key'` the key's. */
  readonly locate: (path: DocumentPath, target?: 'key' | 'value') => SourceLocation;
  /** The source text of the scalar at `path` as written (e.g. `1.10`, which YAML reads as 1.1). */
  readonly sourceText: (path: DocumentPath) => string | undefined;
}

export interface YamlParseResult {
  readonly source?: YamlSource;
  readonly diagnostics: Diagnostic[];
}

export function parseYaml(text: string, file: string): YamlParseResult {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const docs = Array.isArray(documents) ? documents : [];
  const diagnostics: Diagnostic[] = [];
  for (const doc of docs) {
    const syntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY');
    const syntaxLines = new Set(syntax.map((e) => position(e.pos[0]).line));
    for (const error of syntax) {
      diagnostics.push(makeDiagnostic('yaml-syntax', { detail: firstLine(error.message), yamlCode: error.code }, { file, ...position(error.pos[0]) }));
    }
    for (const error of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY')) {
      const at = { file, ...position(error.pos[0]) };
      // The parser's recovery from a syntax error often re-reads a key one level up: not a real duplicate.
      if (syntaxLines.has(at.line)) continue;
      diagnostics.push(makeDiagnostic('yaml-duplicate-key', { key: keyAt(text, error.pos[0]) }, at));
    }
  }
  if (docs.length > 1) {
    const second = docs[1];
    const offset = second?.range[0] ?? 0;
    diagnostics.push(makeDiagnostic('yaml-multiple-documents', { count: docs.length }, { file, ...position(offset) }));
  }
  const doc = docs[0];
  if (!doc || doc.contents === null || diagnostics.some((d) => d.severity === 'error')) {
    if (!doc || doc.contents === null) {
      if (diagnostics.length === 0) diagnostics.push(makeDiagnostic('file-empty', { path: file }, { file }));
    }
    return { diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      return { diagnostics: [...diagnostics, makeDiagnostic('yaml-alias-limit', { max: MAX_ALIAS_COUNT }, { file, line: 1, column: 1 })] };
    }
    return { diagnostics: [...diagnostics, makeDiagnostic('yaml-syntax', { detail: String(error) }, { file, line: 1, column: 1 })] };
  }
  const locate = (path: DocumentPath, target: 'key' | 'value' = 'value'): SourceLocation => {
    const found = findNode(doc, path, target);
    const range = found ?? { start: 0, end: 0 };
    const start = position(range.start);
    const end = position(range.end);
    return { file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, path };
  };
  const sourceText = (path: DocumentPath): string | undefined => {
    const node = doc.getIn(path, true);
    if (isScalar(node) && node.range) return text.slice(node.range[0], node.range[1]).trim();
    return undefined;
  };
  return { source: { file, text, value, locate, sourceText }, diagnostics };
}

/**
 * The deepest node on `path` that exists: a diagnostic about a missing field points at the object
 * that should hold it, and one about an unknown key points at that key.
 */
function findNode(doc: Document, path: DocumentPath, target: 'key' | 'value'): { start: number; end: number } | undefined {
  let node: unknown = doc.contents;
  let best = rangeOf(node);
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const isLast = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return best;
      if (isLast && target === 'key') return rangeOf(pair.key) ?? best;
      node = pair.value;
      // `key:` with no value has a null value node without a range: point at the key instead.
      best = rangeOf(node) ?? rangeOf(pair.key) ?? best;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return best;
      node = item;
      best = rangeOf(node) ?? best;
    } else {
      return best;
    }
  }
  return best;
}

function rangeOf(node: unknown): { start: number; end: number } | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** yaml appends " at line L, column C:" and a source excerpt; we give the position ourselves. */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/u, '');
}

function keyAt(text: string, offset: number): string {
  const rest = text.slice(offset, offset + 80);
  const match = /^["']?([^:"'\n]+)/u.exec(rest);
  return match?.[1]?.trim() ?? '';
}
