/**
 * Writing results: atomically (a temporary file in the same directory, then rename, so a reader
 * never sees half a report and a crash never leaves one), and never over an input file.
 */
import { randomBytes } from 'node:crypto';
import { realpathSync, writeSync } from 'node:fs';
import { open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputRefused extends Error {}

/** The directory `--output` names does not exist (its path is the message); not created, as a typo is likelier than intent. */
export class OutputDirectoryMissing extends Error {}

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
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) {
    const handle = await open(target, 'w');
    try {
      await writeContent(handle.fd, content);
    } finally {
      await handle.close();
    }
    return;
  }
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
