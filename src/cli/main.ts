/** The executable's entry: the real process as Io, the package version, and the exit status. */
import { readFileSync } from 'node:fs';
import { processIo } from './io.js';
import { runCli } from './program.js';

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

process.exitCode = await runCli(process.argv, processIo(), packageVersion());
