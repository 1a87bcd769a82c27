/**
 * dgmi as a library: the same pipeline the CLI runs, without the command line.
 *
 * ```ts
 * import { loadFramework, loadSubmissions, score, toResults } from 'dgmi';
 * const { framework, diagnostics } = await loadFramework('indicators/cn-dgdi.yaml');
 * if (!framework) throw new Error(diagnostics.map((d) => d.message).join('\n'));
 * const { dataset } = await loadSubmissions(framework, ['samples/provinces-2022.csv']);
 * const table = score(framework, dataset!);
 * ```
 */
export { loadFramework, parseFrameworkText, parseFrameworkBytes } from './load/framework.js';
export { loadSubmissions, parseSubmissions } from './load/submissions.js';
export type { LoadSubmissionsOptions, ParseSubmissionsOptions, SubmissionsResult } from './load/submissions.js';
export { validateFramework, validateFrameworkObject } from './validate/validate-framework.js';
export type { FrameworkValidation } from './validate/validate-framework.js';
export { resolveFramework } from './validate/resolve.js';
export { score } from './score/engine.js';
export type { ScoreOptions } from './score/engine.js';
export { assignTiers } from './tier/assign.js';
export type { TierAssignment, TierInputs } from './tier/assign.js';
export { explainLevels, explainRule, ruleHolds } from './tier/rules.js';
export { toResults } from './report/results/objects.js';
export type { RegionResult } from './report/results/objects.js';
export { RESULT_FORMATS } from './report/results/index.js';
export type { ResultFormat, ResultFormatOptions } from './report/results/index.js';
export { DIAGNOSTIC_FORMATS } from './report/diagnostics/index.js';
export type { DiagnosticFormat, DiagnosticFormatOptions } from './report/diagnostics/index.js';
export { plainPalette } from './report/palette.js';
export type { Palette } from './report/palette.js';
export { renderMessage, renderHint, allCodes } from './diagnostics/messages.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { FrameworkSchema, frameworkJsonSchema } from './model/framework.js';
export type { FrameworkInput } from './model/framework.js';
export type { ResolvedFramework, ResolvedGroup, ResolvedIndicator, TierLevel, TierRule } from './model/resolved.js';
export type { Dataset, InputFile } from './model/dataset.js';
export type { ScoreTable, NodeScores, IndicatorScores } from './model/score-table.js';
export type { Lang, LocalizedText } from './model/i18n.js';
export { htmlReport, renderHtmlReport } from './report/html/document.js';
export { prepareReport } from './report/html/report-data.js';
export type { HtmlReportOptions, MapBoundaries, ReportData } from './report/html/report-data.js';
export { formatXlsx } from './report/results/xlsx.js';
export { RESULT_BINARY_FORMATS } from './report/results/index.js';
