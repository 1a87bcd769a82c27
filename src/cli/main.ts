/** The executable's entry: the real process as Io, the package version, and the exit status. */
import { readFileSync } from 'node:fs';
import { processIo } from './io.js';

/**
 * Read at run time, not inlined: the same URL finds package.json from dist/cli/main.js and from
 * the bundle's dist/cli-bundle/main.js, both two folders below the package root (docs/bundle.md).
 */
function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // What commander prints for it, without building the command line first: scripts and bug
  // reports ask for the version alone, and loading commander and every command's options was
  // most of that call's time (issue 15).
  processIo().stdout(`${packageVersion()}\n`);
} else {
  const { runCli } = await import('./program.js');
  process.exitCode = await runCli(process.argv, processIo(), packageVersion());
}
