/**
 * The `columns` of a submission that are not indicators (region, name, group, period). A
 * submission header is matched against them and against indicator ids, so a node id equal to
 * a column name, or two roles sharing one column, makes a header mean two things.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { DEFAULT_COLUMNS } from '../resolve.js';
import { idOf, readFrameworkTree } from './framework-tree.js';
import { inFileOrder } from './source-order.js';
import { isMap } from './untrusted.js';

const COLUMN_ROLES = ['region', 'name', 'group', 'period'] as const;
type ColumnRole = (typeof COLUMN_ROLES)[number];

interface Column {
  readonly role: ColumnRole;
  readonly name: string;
  /** False for a default the file does not write. */
  readonly isWritten: boolean;
}

/** The four columns with defaults filled in; a written but unusable name is left out. */
function columnsOf(input: unknown): Column[] {
  const written = isMap(input) && isMap(input['columns']) ? input['columns'] : {};
  return COLUMN_ROLES.flatMap((role): Column[] => {
    const name = written[role];
    if (name === undefined) return [{ role, name: DEFAULT_COLUMNS[role], isWritten: false }];
    return typeof name === 'string' && name !== '' ? [{ role, name, isWritten: true }] : [];
  });
}

/** No dimension, group or indicator id equals one of the four column names. */
export function idsAreNotColumnNames(ctx: RuleContext): Diagnostic[] {
  const columns = columnsOf(ctx.input);
  const tree = readFrameworkTree(ctx.input);
  const diagnostics: Diagnostic[] = [];
  for (const node of [...tree.groups, ...tree.indicators]) {
    const id = idOf(node);
    const column = columns.find((c) => c.name === id);
    if (id !== undefined && column) {
      diagnostics.push(makeDiagnostic('id-is-column-name', { id, role: column.role }, ctx.locate([...node.path, 'id'])));
    }
  }
  return diagnostics;
}

/** The region, name, group and period columns are four different columns. */
export function columnsAreDistinct(ctx: RuleContext): Diagnostic[] {
  const firstByName = new Map<string, Column>();
  const diagnostics: Diagnostic[] = [];
  // Unwritten defaults sort first, so a clash is always reported at a name the author wrote.
  const ordered = inFileOrder(columnsOf(ctx.input), (c) => (c.isWritten ? ctx.locate(['columns', c.role]) : { file: ctx.file, line: 0, column: 0 }));
  for (const column of ordered) {
    const first = firstByName.get(column.name);
    if (first === undefined) {
      firstByName.set(column.name, column);
      continue;
    }
    diagnostics.push(
      makeDiagnostic('columns-not-distinct', { column: column.name, role: column.role, first: first.role }, ctx.locate(['columns', column.role])),
    );
  }
  return diagnostics;
}
