/**
 * A progress bar on stderr for long runs (cli-progress): only when stderr is a terminal, and only
 * once a run has taken more than a second — a short run would only flash a bar. Stdout never
 * sees it.
 */
import cliProgress from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  readonly update: (done: number) => void;
  readonly stop: () => void;
}

/** How long a run goes before it gets a bar. */
const SHOW_AFTER_MS = 1000;

export function createProgress(io: Io, total: number, label: string): Progress {
  if (!io.stderrIsTTY) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update: (done) => {
      if (!bar && Date.now() - started > SHOW_AFTER_MS && done < total) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`, hideCursor: true, clearOnComplete: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}
