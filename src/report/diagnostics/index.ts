/**
 * The `dgmi validate --format …` registry: one formatter per module, all of one type, kept in a
 * total record whose keys are the format names (Spectral's layout). Formatters return the whole
 * output as a string; they never print, decide colour, or set the exit code.
 */
import type { RegionFindings } from '../../analyse/submission-summary.js';
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { Lang } from '../../model/i18n.js';
import type { Palette } from '../palette.js';
import { github } from './github.js';
import { json } from './json.js';
import { junit } from './junit.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';

export interface DiagnosticFormatOptions {
  /** Language of messages, hints and (in stylish) severity words and the summary. */
  readonly lang: Lang;
  /** Colour for stylish; the machine formats ignore it. */
  readonly color: Palette;
  /**
   * Every input file that was checked, as the user named it, in the order given: clean files
   * are listed too (JSON `files`, SARIF `artifacts`, a passing JUnit test suite).
   */
  readonly files: readonly string[];
  /** dgmi's own version, for SARIF's `tool.driver.version`. */
  readonly toolVersion: string;
  /**
   * Absolute working directory the file names are relative to; SARIF uses it to make artifact
   * URIs relative to `%SRCROOT%`. Without it, relative names are taken as they are.
   */
  readonly cwd?: string | undefined;
  /**
   * Lowest severity that fails the run (`--fail-on`); JUnit reports diagnostics at or above it
   * as `<failure>`. Default `'error'`.
   */
  readonly failOn?: Severity | undefined;
  /**
   * Findings per region, when submissions were checked (`dgmi validate --data`): stylish lists
   * the regions with findings ("广西 (450000): 3 errors, 1 warning"), json adds
   * `summary.regions`. Absent: no per-region summary.
   */
  readonly regions?: readonly RegionFindings[] | undefined;
}

export type DiagnosticFormatter = (
  diagnostics: readonly Diagnostic[],
  options: DiagnosticFormatOptions,
) => string;

export const DIAGNOSTIC_FORMATS = {
  stylish,
  json,
  github,
  sarif,
  junit,
} as const satisfies Record<string, DiagnosticFormatter>;

/** A `--format` choice of `dgmi validate`. */
export type DiagnosticFormat = keyof typeof DIAGNOSTIC_FORMATS;

/** Whether `name` is a `dgmi validate --format` choice (for the CLI's argument parser). */
export function isDiagnosticFormat(name: string): name is DiagnosticFormat {
  return Object.hasOwn(DIAGNOSTIC_FORMATS, name);
}
