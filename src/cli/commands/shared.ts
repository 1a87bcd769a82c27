/** What every command needs from the CLI: language, palette, where output goes. */
import { join } from 'node:path';
// Every command checks a framework or a spec with zod, once (see zod-config.ts).
import '../zod-config.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { EncodingOption } from '../../load/decode.js';
import type { Lang } from '../../model/i18n.js';
import { stylish } from '../../report/diagnostics/stylish.js';
import { plainPalette, type Palette } from '../../report/palette.js';
import { chalkPalette, colourLevel } from '../colour.js';
import { EXIT, type Io } from '../io.js';
import { resolveLang } from '../lang.js';
import { assertNotAnInput, OutputDirectoryMissing, OutputIsDirectory, OutputRefused, writeFileAtomic, type OutputChunks } from '../output.js';

/** What `readingSubmissions` in program.ts gives a command: how its submissions are read. */
export interface ReadingOptions {
  readonly encoding: EncodingOption;
  readonly maxBytes?: number | undefined;
  /** The sheet of .xlsx submissions (`--sheet`); the first when absent. */
  readonly sheet?: string | undefined;
  /** The row of the header below title rows (`--header-row`); found by the framework's columns when absent. */
  readonly headerRow?: number | undefined;
  /** Worker threads for large files (`--threads`); by size and CPU count when absent, none at 1. */
  readonly threads?: number | undefined;
}

/** What `writingResults` gives a command: where results go, and the language and colour of what people read. */
export interface WritingOptions {
  readonly output?: string;
  readonly bom?: boolean;
  readonly lang?: string;
  readonly color: boolean;
}

/** The reading options alone, so a command passes on every one of them and nothing else. */
export function readingOptionsOf(options: ReadingOptions): ReadingOptions {
  const { encoding, maxBytes, sheet, headerRow, threads } = options;
  return { encoding, maxBytes, sheet, headerRow, threads };
}

export interface Presentation {
  readonly lang: Lang;
  readonly stdoutPalette: Palette;
  readonly stderrPalette: Palette;
}

export function presentation(io: Io, options: { lang?: string; color?: boolean }): Presentation {
  const noColor = options.color === false;
  return {
    lang: resolveLang(options.lang, io.env),
    stdoutPalette: chalkPalette(colourLevel(io.env, io.stdoutIsTTY, noColor)),
    stderrPalette: chalkPalette(colourLevel(io.env, io.stderrIsTTY, noColor)),
  };
}

/** Diagnostics for people, on stderr, in the stylish format; nothing when there are none. */
export function reportDiagnostics(io: Io, version: string, p: Presentation, diagnostics: readonly Diagnostic[], files: readonly string[]): void {
  if (diagnostics.length === 0) return;
  io.stderr(stylish(diagnostics, { lang: p.lang, color: p.stderrPalette, files, toolVersion: version, cwd: io.cwd }));
}

/**
 * Codes meaning an input could not be read at all: the run had nothing to work on, which is a
 * status-2 failure, unlike findings inside a file that was read.
 */
const UNREADABLE = new Set(['file-not-found', 'file-unreadable', 'file-is-directory', 'file-too-large']);

export function hasUnreadableInput(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => UNREADABLE.has(d.code));
}

/**
 * Write `bytes` (a binary document such as an .xlsx) atomically to `output`, refusing to write
 * over any input; there is no stdout variant, since binary output would garble a terminal.
 */
export async function emitBytes(io: Io, bytes: Uint8Array, output: string, inputs: readonly string[], lang: Lang): Promise<number> {
  return writeOutput(io, bytes, output, inputs, lang);
}

/** Print to stdout, or write atomically to `output` — refusing to write over any input. */
export async function emit(io: Io, text: string | OutputChunks, output: string | undefined, inputs: readonly string[], lang: Lang): Promise<number> {
  if (output === undefined) {
    if (typeof text === 'string') io.stdout(text);
    else await io.stdoutChunks(text);
    return EXIT.ok;
  }
  return writeOutput(io, text, output, inputs, lang);
}

async function writeOutput(io: Io, content: string | Uint8Array | OutputChunks, output: string, inputs: readonly string[], lang: Lang): Promise<number> {
  try {
    assertNotAnInput(output, inputs);
    await writeFileAtomic(output, content);
    // The path as the user wrote it: they know where they asked for it.
    io.stderr(lang === 'zh' ? `已写入 ${output}\n` : `Wrote ${output}\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof OutputRefused) {
      io.stderr(
        lang === 'zh'
          ? `dgmi: 拒绝写入 ${output}：它是输入文件 ${error.message}。请另选 --output 路径。\n`
          : `dgmi: refusing to write ${output}: it is the input file ${error.message}. Choose another --output path.\n`,
      );
    } else if (error instanceof OutputIsDirectory) {
      io.stderr(
        lang === 'zh'
          ? `dgmi: 无法写入 ${output}：它是一个目录；请在 --output 中给出文件名，例如 ${join(output, 'results')}\n`
          : `dgmi: cannot write ${output}: it is a directory; give --output a file name, e.g. ${join(output, 'results')}\n`,
      );
    } else if (error instanceof OutputDirectoryMissing) {
      io.stderr(lang === 'zh' ? `dgmi: 无法写入 ${output}：目录 ${error.message} 不存在\n` : `dgmi: cannot write ${output}: the directory ${error.message} does not exist\n`);
    } else {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr(lang === 'zh' ? `dgmi: 无法写入 ${output}：${reason}\n` : `dgmi: cannot write ${output}: ${reason}\n`);
    }
    return EXIT.usage;
  }
}

/**
 * What every report formatter takes from the command line: the language, colours only on the
 * terminal (a file gets the plain palette), the tool's version for provenance, the run's
 * diagnostics, and the BOM flag.
 */
export function formatterOptions(p: Presentation, options: Pick<WritingOptions, 'output' | 'bom'>, version: string, diagnostics: readonly Diagnostic[]) {
  return {
    lang: p.lang,
    palette: options.output === undefined ? p.stdoutPalette : plainPalette,
    toolVersion: version,
    diagnostics,
    bom: options.bom === true,
  };
}
