/**
 * Where the engine's findings point: a data cell (the submission file and line of its row, the
 * indicator as the column) or a framework node (the framework file and the node's path inside
 * the YAML document, e.g. `['dimensions', 0, 'groups', 2, 'indicators', 1]`), so formatters can
 * show `file:line` and editors can jump to the node.
 */
import type { SourceLocation } from '../diagnostics/diagnostic.js';
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework, ResolvedGroup } from '../model/resolved.js';

/** The location of the cell (row, indicator) of a submission. */
export function cellLocation(dataset: Dataset, row: number, indicatorId: string): SourceLocation {
  const source = dataset.sources[row];
  return source ? { file: source.file, line: source.line, path: [indicatorId] } : { file: '', path: [indicatorId] };
}

/** The location of a whole row of a submission. */
export function rowLocation(dataset: Dataset, row: number): SourceLocation {
  const source = dataset.sources[row];
  return source ? { file: source.file, line: source.line } : { file: '' };
}

/** Document paths of every group and indicator of the framework, by id. */
export function nodeDocumentPaths(framework: ResolvedFramework): ReadonlyMap<string, readonly (string | number)[]> {
  const paths = new Map<string, readonly (string | number)[]>();
  const visit = (group: ResolvedGroup, path: readonly (string | number)[]): void => {
    paths.set(group.id, path);
    group.children.forEach((child, i) => {
      if (child.kind === 'group') visit(child, [...path, 'groups', i]);
      else paths.set(child.id, [...path, 'indicators', i]);
    });
  };
  framework.dimensions.forEach((dimension, i) => visit(dimension, ['dimensions', i]));
  return paths;
}

/** The location of a framework node (or of the framework itself when `path` is empty). */
export function frameworkLocation(framework: ResolvedFramework, path: readonly (string | number)[]): SourceLocation {
  return path.length === 0 ? { file: framework.file ?? '' } : { file: framework.file ?? '', path };
}
