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
// `score` is score → tier composed (as it always returned tiers); `tierTable` is the tier stage alone.
export { scoreAndTier as score, scoreAndTier, tierTable } from './tier/tier-table.js';
export type { ScoreOptions } from './score/engine.js';
export { assignTiers } from './tier/assign.js';
export type { TierAssignment, TierInputs } from './tier/assign.js';
export { explainLevels, explainRule, ruleHolds } from './tier/rules.js';
export { toResults } from './report/results/objects.js';
export type { RegionResult } from './report/results/objects.js';
export { RESULT_FORMATS } from './report/results/index.js';
export type { ResultFormat, ResultFormatOptions } from './report/results/index.js';
export { formatParquet, parquetChunks, ndjsonResultChunks, RESULT_DETAILS } from './report/results/index.js';
export type { ResultDetail } from './report/results/index.js';
export { markdownCell } from './report/results/markdown.js';
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
// dgmi sensitivity (issue 11): uncertainty and sensitivity analysis of ranks and tiers.
export { sensitivity } from './analyse/sensitivity/sensitivity.js';
export type { SensitivityOptions } from './analyse/sensitivity/sensitivity.js';
export { checkSensitivitySpec } from './analyse/sensitivity/spec-check.js';
export type { SpecCheck, SpecOverrides } from './analyse/sensitivity/spec-check.js';
export { loadSensitivitySpec, parseSensitivitySpecText } from './load/sensitivity-spec.js';
export { SensitivitySpecSchema } from './analyse/sensitivity/spec.js';
export type { Assumption, NormaliseOption, SensitivitySpec, SensitivitySpecInput } from './analyse/sensitivity/spec.js';
export type { AssumptionSummary, RegionSensitivity, SensitivityResult } from './analyse/sensitivity/result.js';
export type { SobolIndex } from './analyse/sensitivity/sobol.js';
export { SENSITIVITY_FORMATS } from './report/sensitivity/index.js';
export type { SensitivityFormat } from './report/sensitivity/index.js';
// Data preparation and audit (issue 10).
export { auditScores, AUDIT_THRESHOLDS } from './analyse/audit/audit.js';
export type { AuditReport, IndicatorAudit, GroupAudit, AuditOptions } from './analyse/audit/audit.js';
export { AUDIT_FORMATS } from './report/audit/index.js';
export type { AuditFormat } from './report/audit/index.js';
export type { PreparationReport, ScreenedUnit, TreatedPoint, TreatmentRecord } from './model/preparation.js';
// Data-driven weights and MCDA aggregation (issue 12).
export { ahpWeights, parseAhpEntry, RANDOM_INDEX } from './weights/ahp.js';
export type { AhpResult } from './weights/ahp.js';
export { entropyWeights } from './weights/entropy.js';
export { criticWeights } from './weights/critic.js';
export { cvWeights } from './weights/cv.js';
export { pcaWeights } from './weights/pca.js';
export { combineWeights } from './weights/combine.js';
export type { WeightsOutcome, DegenerateReason } from './weights/outcome.js';
export type { GroupWeights, AhpConsistency, WeightComponent } from './weights/record.js';
export { WEIGHTS_FORMATS } from './report/weights/index.js';
export type { WeightsFormat, WeightsReport } from './report/weights/index.js';
export { htmlReport, renderHtmlReport } from './report/html/document.js';
export { prepareReport } from './report/html/report-data.js';
export type { HtmlReportOptions, MapBoundaries, ReportData } from './report/html/report-data.js';
export { formatXlsx } from './report/results/xlsx.js';
