/** `dgmi weights --format markdown`: the table as GitHub-flavoured markdown, every cell escaped. */
import { markdownCell } from '../results/markdown.js';
import { provenanceNote } from '../results/labels.js';
import { displayRows, WEIGHTS_HEADERS, type WeightsFormatter } from './view.js';

const row = (cells: readonly string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;

export const formatWeightsMarkdown: WeightsFormatter = (report, options) => {
  const h = WEIGHTS_HEADERS[options.lang];
  return [
    row([h.group, h.period, h.method, h.child, h.weight, h.note]),
    '| :--- | :--- | :--- | :--- | ---: | :--- |',
    ...displayRows(report, options.lang).map(row),
    '',
    `${markdownCell(provenanceNote(report.framework, options.toolVersion, options.lang))}`,
    '',
  ].join('\n');
};
