/**
 * The formatter of one `dgmi validate --format`, with only that format's module loaded: the
 * registry in `report/diagnostics/index.ts` imports all five (SARIF, JUnit, GitHub, JSON,
 * stylish), and a run writes one. The formatter returned is the registry's own function, which
 * test/unit/result-writers.test.ts checks for every format.
 */
import type { DiagnosticFormat, DiagnosticFormatter } from '../report/diagnostics/index.js';

const DIAGNOSTIC_WRITERS: { readonly [F in DiagnosticFormat]: () => Promise<DiagnosticFormatter> } = {
  stylish: async () => (await import('../report/diagnostics/stylish.js')).stylish,
  json: async () => (await import('../report/diagnostics/json.js')).json,
  github: async () => (await import('../report/diagnostics/github.js')).github,
  sarif: async () => (await import('../report/diagnostics/sarif.js')).sarif,
  junit: async () => (await import('../report/diagnostics/junit.js')).junit,
};

/** The formatter of `format`, its module imported now. */
export async function loadDiagnosticFormatter(format: DiagnosticFormat): Promise<DiagnosticFormatter> {
  return DIAGNOSTIC_WRITERS[format]();
}
