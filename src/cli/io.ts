/**
 * The process boundary as a value, so commands can be run in memory by tests: where output
 * goes, what the environment says, and whether streams are terminals.
 */
import { once } from 'node:events';

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
  return {
    stdout: (text) => process.stdout.write(text),
    stdoutChunks: async (chunks) => {
      for await (const chunk of chunks) {
        if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
      }
    },
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: process.cwd(),
  };
}

/** Exit statuses (Spectral's convention): 0 clean, 1 findings or unscored regions, 2 usage or unreadable input. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
