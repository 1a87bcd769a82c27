/**
 * The command line: commander wiring only. Each command parses its options, calls the pure core
 * through `src/load` and `src/score`, hands the result to a formatter, and returns an exit status.
 *
 * Start-up: this module imports commander and plain lists only. Each action loads its command
 * module with `await import('./commands/….js')` when it runs, so `--version`, `--help` and one
 * command never pay for the others' readers, formatters and worker pools; a static import of a
 * command module here would undo that (test/cli/startup-modules.test.ts fails on it).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { Severity } from '../diagnostics/diagnostic.js';
import { AUDIT_FORMAT_CHOICES, BINARY_RESULT_FORMAT_CHOICES, COMPARE_FORMAT_CHOICES, DIAGNOSTIC_FORMAT_CHOICES, ENCODINGS, EXPLAIN_FORMAT_CHOICES, RESULT_DETAILS, RESULT_FORMAT_CHOICES, SENSITIVITY_FORMAT_CHOICES, SENSITIVITY_METHODS, VALIDATE_SUMMARIES, WEIGHTS_FORMAT_CHOICES } from './choices.js';
import { EXIT, type Io } from './io.js';
import { resolveLang } from './lang.js';
import { capThreads, cpuCount } from './threads.js';

export interface CommonOptions {
  readonly lang?: string;
  readonly color: boolean;
}

const FAIL_ON = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number greater than 0');
  return n;
}

/** `--cards N`: 0 (no card, only the summary table) or more. */
export function parseCardCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

export function parseByteSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]i?b?)?$/iu.exec(value.trim());
  if (!match) throw new InvalidArgumentError('expected a size like 1048576, 500k, 200MB or 1G');
  const unit = (match[2] ?? '').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Math.floor(Number(match[1]) * factor);
}

/**
 * Builds the program. `exitOverride` keeps commander from calling process.exit, so usage errors
 * come back to `runCli` and get our exit status 2 (commander's own is 1); subcommands inherit it
 * (and the output configuration) because they are added after it.
 */
export function createProgram(io: Io, version: string, setExit: (code: number) => void): Command {
  const program = new Command('dgmi')
    .description('Digital government maturity index: score, rank and tier regions from an indicator framework.\n数字政府发展指数：依据指标框架为各地区评分、排名、分级。')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showSuggestionAfterError(true);

  // An explicit --threads above the core count is cut to it, with one notice, for every command that takes it.
  program.hook('preAction', (_program, command) => {
    const requested: unknown = command.getOptionValue('threads');
    if (typeof requested !== 'number') return;
    const lang: unknown = command.getOptionValue('lang');
    const capped = capThreads(requested, cpuCount(), resolveLang(typeof lang === 'string' ? lang : undefined, io.env));
    command.setOptionValue('threads', capped.threads);
    if (capped.notice !== undefined) io.stderr(capped.notice);
  });

  /** `-f, --format`, its choices the keys of the command's format registry. */
  const formatOption = <Name extends string>(names: readonly Name[], defaultFormat: NoInfer<Name>) =>
    new Option('-f, --format <format>', 'output format').choices(names).default(defaultFormat);
  const failOnOption = (description: string) => new Option('--fail-on <severity>', description).choices(FAIL_ON);
  /**
   * How submissions are read: the same for every command that reads them. `validate` names its
   * size limit `--data-max-bytes`, since its own `--max-bytes` is about the framework files.
   */
  const readingSubmissions = (command: Command, maxBytesFlag = '--max-bytes <size>'): Command =>
    command
      .addOption(new Option('--encoding <encoding>', 'force the encoding of the submissions').choices(ENCODINGS).default('auto'))
      .option(maxBytesFlag, 'largest submission file to read', parseByteSize)
      .option('--sheet <name>', 'the sheet of .xlsx submissions to read (default: the first sheet)')
      .option('--header-row <n>', 'the row of the header in every submission, below title rows (default: the first row, or the first that matches the framework)', parsePositiveInt)
      .option('--threads <n>', 'worker threads for large inputs and outputs (default: by size and CPU count; 1: none)', parsePositiveInt);
  /** Language and colour of what people read: the same for every command that prints. */
  const presenting = (command: Command): Command =>
    command
      .addOption(new Option('--lang <lang>', 'language of messages and labels (default from LANG)').choices(['zh', 'en']))
      .option('--no-color', 'disable colour (NO_COLOR is honoured too)');
  /** Where and how results are written: the same for every command that writes results. */
  const writingResults = (command: Command): Command =>
    presenting(
      command
        .option('-o, --output <file>', 'write to a file (atomically; never over an input)')
        .option('--bom', 'start CSV output with a UTF-8 BOM (for Excel)'),
    );

  presenting(
    readingSubmissions(
      program
        .command('validate')
        .description('check framework files for CI (schema and semantic rules, file:line:col); with --data, check submissions against the framework without scoring')
        .argument('<framework...>', 'framework YAML files (exactly one with --data)')
        .addOption(formatOption(DIAGNOSTIC_FORMAT_CHOICES, 'stylish'))
        .addOption(failOnOption('exit 1 when a finding is at or above this severity').default('error'))
        .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
        .option('--max-bytes <size>', 'largest framework file to read', parseByteSize)
        .option('--data <files...>', 'also check these submission files (wide or long CSV) against the framework: every missing, unreadable, out-of-range or duplicate value, unknown column and missing required region'),
      '--data-max-bytes <size>',
    ).addOption(new Option('--summary <what>', 'with --data: findings per region (regions) or none').choices(VALIDATE_SUMMARIES).default('regions')),
  ).action(async (frameworks: string[], options) => setExit(await (await import('./commands/validate.js')).runValidate(io, version, frameworks, options)));

  readingSubmissions(
    writingResults(
      program
        .command('score')
        .description('score, rank and tier every region')
        .argument('<framework>', 'framework YAML file')
        .argument('<data...>', 'submission CSV files (wide or long)')
        .addOption(formatOption([...RESULT_FORMAT_CHOICES, ...BINARY_RESULT_FORMAT_CHOICES], 'table'))
        .addOption(new Option('--detail <level>', 'json, ndjson, csv, parquet: summary, also groups, or also indicators (default: indicators for json and ndjson, groups for csv and parquet)').choices(RESULT_DETAILS))
        .option('--period <period>', 'only this period')
        .option('--top <n>', 'only the first N regions of each period', parsePositiveInt)
        .addOption(failOnOption('exit 1 when a diagnostic is at or above this severity (default: only when a region is left unscored)')),
    ),
  ).action(async (framework: string, data: string[], options) => setExit(await (await import('./commands/score.js')).runScore(io, version, framework, data, options)));

  readingSubmissions(
    writingResults(
      program
        .command('compare')
        .description('compare regions side by side, two periods, or groups (east/central/west/northeast)')
        .argument('<framework>', 'framework YAML file')
        .argument('<data...>', 'submission CSV files (wide or long)')
        .option('--regions <list>', 'regions side by side: codes or names, comma-separated (e.g. 浙江,江苏)')
        .option('--from <period>', 'across periods: the earlier period (default: the one before --to)')
        .option('--to <period>', 'across periods: the later period (default: the latest)')
        .option('--baseline <file...>', "across periods: a second data set, the 'from' side (put it last)")
        .addOption(new Option('--by <column>', "across groups: the framework's group column").choices(['group']))
        .option('--period <period>', 'with --regions or --by: the period to look at (default: the latest)')
        .addOption(new Option('--normalise <scope>', 'normalise each period apart or pooled (default: pooled across periods, per-period otherwise)').choices(['per-period', 'pooled']))
        .option('--top <n>', 'with --regions: how many indicators to list by gap (default 10)', parsePositiveInt)
        .addOption(formatOption(COMPARE_FORMAT_CHOICES, 'table'))
        .addOption(failOnOption('exit 1 when a diagnostic is at or above this severity')),
    ),
  ).action(async (framework: string, data: string[], options) => setExit(await (await import('./commands/compare.js')).runCompare(io, version, framework, data, options)));

  readingSubmissions(
    writingResults(
      program
        .command('explain')
        .description('why a region sits in its tier and what would move it up')
        .argument('<framework>', 'framework YAML file')
        .argument('<args...>', 'submission CSV files, then the region (code, full or short name)')
        .addOption(formatOption(EXPLAIN_FORMAT_CHOICES, 'table'))
        .option('--period <period>', "the period to explain (default: the region's latest)")
        .option('--top <n>', 'search the N indicators with the largest effective weight (default 10)', parsePositiveInt),
    ),
  ).action(async (framework: string, args: string[], options) => {
    const { runExplain, splitDataAndRegion } = await import('./commands/explain.js');
    const { dataPaths, region } = splitDataAndRegion(args);
    setExit(await runExplain(io, version, framework, dataPaths, region, options));
  });

  readingSubmissions(
    writingResults(
      program
        .command('sensitivity')
        .description('uncertainty and sensitivity of ranks and tiers: Monte Carlo over weights, normalisations, aggregations and missing-value policies (--spec), Sobol indices with --method sobol')
        .argument('<framework>', 'framework YAML file')
        .argument('<data...>', 'submission CSV files (wide or long)')
        .requiredOption('--spec <file>', 'the uncertain assumptions (YAML, format dgmi-sensitivity/1)')
        .option('--runs <n>', 'replications (sobol: the base sample N, N × (k + 2) replications); overrides the spec')
        .option('--seed <n>', 'seed of the random streams (0 … 4294967295); the same seed gives the same bytes')
        .addOption(new Option('--method <method>', 'uncertainty (rank statistics) or sobol (also Sobol indices); overrides the spec').choices(SENSITIVITY_METHODS))
        .addOption(formatOption(SENSITIVITY_FORMAT_CHOICES, 'table')),
    ),
  ).action(async (framework: string, data: string[], options) => setExit(await (await import('./commands/sensitivity.js')).runSensitivity(io, version, framework, data, options)));
  // Data preparation and audit (issue 10).
  readingSubmissions(
    writingResults(
      program
        .command('audit')
        .description("audit the data and the framework's coherence: indicator statistics and outliers, correlations, Cronbach's alpha, first principal component")
        .argument('<framework>', 'framework YAML file')
        .argument('<data...>', 'submission CSV files (wide or long)')
        .addOption(formatOption(AUDIT_FORMAT_CHOICES, 'table'))
        .option('--period <period>', 'the period to audit (default: the latest)')
        .addOption(failOnOption('exit 1 when a finding is at or above this severity (warning: gate CI on flagged indicators and groups)').default('error')),
    ),
  ).action(async (framework: string, data: string[], options) => setExit(await (await import('./commands/audit.js')).runAudit(io, version, framework, data, options)));
  // dgmi weights (issue 12)
  readingSubmissions(
    writingResults(
      program
        .command('weights')
        .description("print every group's child weights as scoring used them: fixed, AHP (λmax, CI, CR) or derived from the data per period")
        .argument('<framework>', 'framework YAML file')
        .argument('<data...>', 'submission CSV files (wide or long)')
        .addOption(formatOption(WEIGHTS_FORMAT_CHOICES, 'table'))
        .addOption(failOnOption('exit 1 when a diagnostic is at or above this severity (default: only on errors)')),
    ),
  ).action(async (framework: string, data: string[], options) => setExit(await (await import('./commands/weights.js')).runWeights(io, version, framework, data, options)));
  readingSubmissions(
    presenting(
      program
        .command('report')
        .description('write one self-contained HTML report with charts (no network needed to view it)')
        .argument('<framework>', 'framework YAML file')
        .argument('<data...>', 'submission files (wide or long CSV, XLSX)')
        .option('-o, --output <file>', 'write to a file (atomically; never over an input); stdout otherwise')
        .option('--period <period>', 'the period to report on (default: the latest; the one before it is compared with it)')
        .option('--cards <n>', 'regions with a full card (default 40); the rest are summarised in one table', parseCardCount)
        .option('--regions <list>', 'regions to draw dimension profiles for: codes or names, comma-separated (default: the first six)')
        .option('--map <geojson>', "a map of tiers on your organisation's own approved boundary file (GeoJSON; regions matched by code)")
        .option('--sensitivity <json>', 'add rank intervals and tier probabilities from `dgmi sensitivity --format json` (same framework and period)')
        .addOption(failOnOption('exit 1 when a diagnostic is at or above this severity (default: only when a region is left unscored)')),
    ),
  ).action(async (framework: string, data: string[], options) => setExit(await (await import('./commands/report.js')).runReport(io, version, framework, data, options)));

  presenting(
    program
      .command('template')
      .description('write a blank submission form (.xlsx, or .csv with a dictionary) for a framework')
      .argument('<framework>', 'framework YAML file')
      .requiredOption('-o, --output <file>', 'form.xlsx or form.csv: the format follows the extension')
      .option('--bom', 'start the CSV form and dictionary with a UTF-8 BOM (for Excel)')
      .option('--max-bytes <size>', 'largest framework file to read', parseByteSize),
  ).action(async (framework: string, options) => setExit(await (await import('./commands/template.js')).runTemplate(io, version, framework, options)));

  program
    .command('schema')
    .description('print the JSON Schema of the framework format (dgmi/1)')
    .option('-o, --output <file>', 'write to a file (atomically)')
    .action(async (options) => setExit(await (await import('./commands/schema.js')).runSchema(io, options)));

  return program;
}

export async function runCli(argv: readonly string[], io: Io, version: string): Promise<number> {
  let status: number = EXIT.ok;
  const program = createProgram(io, version, (code) => {
    status = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'node' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`dgmi: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
  return status;
}
