/** `dgmi sensitivity --format markdown`: the same document as GFM tables; every cell escaped with `markdownCell`. */
import { markdownCell } from '../results/markdown.js';
import type { SensitivityFormatter } from './formatter.js';
import { sensitivityDocument, type SensitivityGrid } from './document.js';

function table(grid: SensitivityGrid): string {
  const row = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  const rule = `| ${grid.align.map((a) => (a === 'right' ? '---:' : '---')).join(' | ')} |`;
  return [`## ${markdownCell(grid.heading)}`, '', row(grid.headers), rule, ...grid.rows.map(row)].join('\n');
}

export const formatSensitivityMarkdown: SensitivityFormatter = (result, options) => {
  const doc = sensitivityDocument(result, options.lang, options.toolVersion, false);
  const blocks = [
    `# ${markdownCell(doc.heading)}`,
    doc.notes.map((n) => `- ${markdownCell(n)}`).join('\n'),
    ...doc.grids.map(table),
    ...(doc.sobol ? [table(doc.sobol)] : []),
    `_${markdownCell(doc.provenance)}_`,
  ];
  return `${blocks.join('\n\n')}\n`;
};
