/** `dgmi weights --format table`: one grid of every group's children and weights, for a terminal. */
import Table from 'cli-table3';
import { provenanceNote } from '../results/labels.js';
import { displayRows, WEIGHTS_HEADERS, type WeightsFormatter } from './view.js';

export const formatWeightsTable: WeightsFormatter = (report, options) => {
  const { palette, lang } = options;
  const h = WEIGHTS_HEADERS[lang];
  const grid = new Table({
    head: [h.group, h.period, h.method, h.child, h.weight, h.note].map((text) => palette.bold(text)),
    colAligns: ['left', 'left', 'left', 'left', 'right', 'left'],
    style: { head: [], border: [], compact: true },
  });
  for (const row of displayRows(report, lang)) grid.push(row);
  return `${grid.toString()}\n${palette.dim(provenanceNote(report.framework, options.toolVersion, lang))}\n`;
};
