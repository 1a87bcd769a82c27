/**
 * `dgmi score --format html`: the same self-contained HTML report `dgmi report` writes, with its
 * defaults (the latest period, or `--period`; 40 cards; the first six regions' profiles).
 */
import { htmlReport } from '../html/document.js';
import type { ResultFormatter } from './formatter.js';

export const formatHtml: ResultFormatter = (table, options) => htmlReport(table, { lang: options.lang, toolVersion: options.toolVersion, period: options.period });
