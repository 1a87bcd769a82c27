/**
 * Writing results: atomically (a temporary file in the same directory, then rename, so a reader
 * never sees half a report and a crash never leaves one), and never over an input file.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, rmSync, writeSync } from 'node:fs';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputRefused extends Error {}

/** The directory `--output` names does not exist (its path is the message); not created, as a typo is likelier than intent. */
export class OutputDirectoryMissing extends Error {}

/** `--output` names an existing directory (its path as given is the message): say so, rather than name a temporary file. */
export class OutputIsDirectory extends Error {}

/**
 * Temporary files being written right now. Ctrl-C (SIGINT) or a `kill` (SIGTERM) in the middle
 * of a long write would otherwise leave a half-written `.dgmi-….tmp` beside the output; while
 * any is open, these signals remove them and end the run with the shell's status for the signal
 * (128 + its number: 130 for SIGINT, 143 for SIGTERM). Outside a write, Node's default applies.
 */
const pendingTemps = new Set<string>();
const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

function removePendingAndExit(signal: keyof typeof SIGNAL_STATUS): void {
  for (const temp of pendingTemps) rmSync(temp, { force: true });
  pendingTemps.clear();
  process.exit(SIGNAL_STATUS[signal]);
}

const onSigint = () => removePendingAndExit('SIGINT');
const onSigterm = () => removePendingAndExit('SIGTERM');

function trackTemp(temp: string): void {
  if (pendingTemps.size === 0) {
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
  }
  pendingTemps.add(temp);
}

function untrackTemp(temp: string): void {
  pendingTemps.delete(temp);
  if (pendingTemps.size === 0) {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
  }
}

/**
 * A temporary name beside the target, short whatever the target's name: a name near the
 * 255-byte limit of most file systems must still be writable, so the temporary one does not
 * repeat it. 48 random bits, and `wx` (fail if it exists) on opening, keep two runs apart.
 */
export function temporaryNameFor(target: string): string {
  return join(dirname(target), `.dgmi-${randomBytes(6).toString('hex')}.tmp`);
}

/** `writeSync` may write less than asked; loop until every byte is out. */
function writeAllSync(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there yet: compare the resolved parent's real path plus the name.
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

export function assertNotAnInput(output: string, inputs: readonly string[]): void {
  const target = canonical(output);
  const clash = inputs.find((input) => canonical(input) === target);
  if (clash !== undefined) throw new OutputRefused(clash);
}

/** A large output produced piece by piece: text or UTF-8 bytes, possibly as they become ready. */
export type OutputChunks = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Write `content` (text, bytes, or chunks of either) to a temporary file beside `path`, then
 * rename it over. A symlink is followed, so the file it points to is replaced and the link kept
 * (as `>` would); a device, FIFO or socket (`/dev/null`, `/dev/stdout`, a named pipe) is written
 * into, since renaming over it would replace the device itself — as root, /dev/null.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array | OutputChunks): Promise<void> {
  const target = await realpath(path).catch(() => resolve(path));
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory() === true) throw new OutputIsDirectory(path);
  if (existing !== undefined && !existing.isFile()) {
    const handle = await open(target, 'w');
    try {
      await writeContent(handle.fd, content);
    } finally {
      await handle.close();
    }
    return;
  }
  const temp = temporaryNameFor(target);
  trackTemp(temp);
  try {
    const handle = await open(temp, 'wx').catch((error: unknown) => {
      // Else the message would name the temporary file, which the user never asked for.
      throw error instanceof Error && 'code' in error && error.code === 'ENOENT' ? new OutputDirectoryMissing(dirname(path)) : error;
    });
    try {
      await writeContent(handle.fd, content);
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    untrackTemp(temp);
  }
}

async function writeContent(fd: number, content: string | Uint8Array | OutputChunks): Promise<void> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    writeAllSync(fd, content);
    return;
  }
  // Chunk by chunk: memory stays bounded by the chunks in flight, and no large joined string is
  // built only to be encoded and dropped.
  for await (const chunk of content) writeAllSync(fd, chunk);
}
