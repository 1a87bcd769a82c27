/**
 * `dgmi audit --format table`: the terminal view. cli-table3's own colours are off, so colour
 * comes only from the palette the CLI chose and plain output is deterministic.
 */
import Table from 'cli-table3';
import type { AuditFormatter } from './formatter.js';
import { auditGrids, auditHeading } from './grids.js';

/** `--format table`: a heading, then the indicators and the groups as boxed tables. */
export const formatAuditTable: AuditFormatter = (report, options) => {
  const { palette } = options;
  const blocks = auditGrids(report, options.lang).map((grid) => {
    const table = new Table({
      head: grid.columns.map((c) => palette.bold(c.header)),
      colAligns: grid.columns.map((c) => c.align),
      style: { head: [], border: [], compact: true },
    });
    for (const row of grid.rows) table.push([...row]);
    return `${palette.heading(grid.title)}\n${table.toString()}\n`;
  });
  return `${palette.heading(auditHeading(report, options.lang))}\n\n${blocks.join('\n')}`;
};

