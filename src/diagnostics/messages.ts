/**
 * The one place where diagnostic wording lives. Each area keeps its codes in
 * `./codes/<area>.ts`; this module merges them and renders a code in either language.
 */
import type { Lang } from '../model/i18n.js';
import type { MessageCatalog, MessageSpec } from './catalog.js';
import type { Diagnostic, DiagnosticArgs, Severity, SourceLocation } from './diagnostic.js';
import { ANALYSE_MESSAGES } from './codes/analyse.js';
import { DATA_MESSAGES } from './codes/data.js';
import { EXPLAIN_MESSAGES } from './codes/explain.js';
import { FILE_MESSAGES } from './codes/file.js';
import { FRAMEWORK_MESSAGES } from './codes/framework.js';
import { LOADING_MESSAGES } from './codes/loading.js';
import { REGIONS_MESSAGES } from './codes/regions.js';
import { REPORT_MESSAGES } from './codes/report.js';
import { REPORT_SENSITIVITY_MESSAGES } from './codes/report-sensitivity.js';
import { RULES_MESSAGES } from './codes/rules.js';
import { SCORE_MESSAGES } from './codes/score.js';
import { SENSITIVITY_MESSAGES } from './codes/sensitivity.js';
import { TIER_MESSAGES } from './codes/tier.js';
import { XLSX_MESSAGES } from './codes/xlsx.js';
import { PREPARE_MESSAGES } from './codes/prepare.js';
import { WEIGHTS_MESSAGES } from './codes/weights.js';

export const MESSAGES = {
  ...FILE_MESSAGES,
  ...FRAMEWORK_MESSAGES,
  ...RULES_MESSAGES,
  ...DATA_MESSAGES,
  ...SCORE_MESSAGES,
  ...TIER_MESSAGES,
  ...ANALYSE_MESSAGES,
  ...REGIONS_MESSAGES,
  ...EXPLAIN_MESSAGES,
  ...XLSX_MESSAGES,
  ...SENSITIVITY_MESSAGES,
  ...PREPARE_MESSAGES,
  ...WEIGHTS_MESSAGES,
  ...LOADING_MESSAGES,
  ...REPORT_MESSAGES,
  ...REPORT_SENSITIVITY_MESSAGES,
} as const satisfies MessageCatalog;

export type DiagnosticCode = keyof typeof MESSAGES;

function specOf(code: string): MessageSpec {
  const spec = (MESSAGES as MessageCatalog)[code];
  if (!spec) throw new Error(`unknown diagnostic code '${code}'`);
  return spec;
}

/** Make a diagnostic: English message and hint rendered now, severity from the catalog unless overridden. */
export function makeDiagnostic(
  code: DiagnosticCode,
  args: DiagnosticArgs,
  location: SourceLocation,
  severity?: Severity,
): Diagnostic {
  const spec = specOf(code);
  const hint = spec.hint?.en(args);
  return {
    code,
    severity: severity ?? spec.severity,
    message: spec.en(args),
    args,
    ...location,
    ...(hint ? { hint } : {}),
  };
}

/** The message of `d` in `lang` (formatters call this; rules never word anything themselves). */
export function renderMessage(d: Diagnostic, lang: Lang): string {
  const spec = (MESSAGES as MessageCatalog)[d.code];
  if (!spec) return d.message;
  return lang === 'zh' ? spec.zh(d.args) : spec.en(d.args);
}

export function renderHint(d: Diagnostic, lang: Lang): string | undefined {
  const spec = (MESSAGES as MessageCatalog)[d.code];
  if (!spec?.hint) return d.hint;
  return lang === 'zh' ? spec.hint.zh(d.args) : spec.hint.en(d.args);
}

/**
 * Every known code with its default severity and its wording with placeholders for the
 * arguments (`Cannot read '…' (…)`), for docs and SARIF rule tables.
 */
export function allCodes(): { code: string; severity: Severity; en: string; zh: string }[] {
  const placeholders = new Proxy({}, { get: (_target, key) => (key === 'suggestion' ? '' : '…') }) as DiagnosticArgs;
  return Object.entries(MESSAGES as MessageCatalog).map(([code, spec]) => ({
    code,
    severity: spec.severity,
    en: spec.en(placeholders),
    zh: spec.zh(placeholders),
  }));
}
