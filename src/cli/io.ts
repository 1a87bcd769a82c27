/**
 * The process boundary as a value, so commands can be run in memory by tests: where output
 * goes, what the environment says, and whether streams are terminals.
 */

export interface Io {
  readonly stdout: (text: string) => void;
  /** Write many chunks to stdout, waiting for the pipe to drain so a huge output never piles up in memory. */
  readonly stdoutChunks: (chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>) => Promise<void>;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly cwd: string;
}

export function processIo(): Io {
  // With stderr gone too (`2>&1 | head`) nothing is left to tell; that is no reason to crash.
  process.stderr.on('error', () => undefined);
  return {
    ...guardedStdout(process.stdout),
    stderr: (text) => {
      if (!process.stderr.destroyed) process.stderr.write(text);
    },
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
}

/**
 * Standard output whose write errors end the run cleanly. A reader that stops early
 * (`dgmi score … | head`) closes the pipe: that is its choice, not a failure, so the rest of the
 * output is dropped (ending the JSON worker threads) and the run ends with its own status, as
 * `git log | head` does. Any other write error (a full disk behind `>`) is reported and makes
 * the status 2. Without a listener, either arrives as an uncaught 'error' event or, in the
 * middle of `stdoutChunks`, as an "internal error" with a stack trace.
 */
function guardedStdout(stream: NodeJS.WriteStream): Pick<Io, 'stdout' | 'stdoutChunks'> {
  let isClosed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (isClosed) return;
    isClosed = true;
    if (error.code === 'EPIPE') return;
    process.stderr.write(`dgmi: cannot write to standard output: ${error.message}\n`);
    // Errors arrive after the write that caused them, possibly after the command has returned
    // its status; the exit handler runs after `main` has set the status, so the 2 stands.
    process.once('exit', () => {
      process.exitCode = EXIT.usage;
    });
  });
  const isOpen = () => !isClosed && !stream.destroyed;
  /** Until the pipe drains, or the stream fails (then the 'error' listener above has the error). */
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        stream.off('drain', done);
        stream.off('close', done);
        stream.off('error', done);
        resolve();
      };
      stream.on('drain', done);
      stream.on('close', done);
      stream.on('error', done);
    });
  return {
    stdout: (text) => {
      if (isOpen()) stream.write(text);
    },
    stdoutChunks: async (chunks) => {
      for await (const chunk of chunks) {
        // Leaving the loop ends the producer (a generator's `finally` stops the worker threads).
        if (!isOpen()) break;
        if (!stream.write(chunk) && isOpen()) await drained();
      }
    },
  };
}

/** Exit statuses (Spectral's convention): 0 clean, 1 findings or unscored regions, 2 usage or unreadable input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
