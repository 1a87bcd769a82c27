/**
 * `--threads N` asked for more threads than the machine has cores: more threads than cores only
 * adds switching and memory (each worker holds its share of the rows), so N is cut to the core
 * count, and the user is told once, on stderr, so a benchmark is not misread.
 */
import { availableParallelism } from 'node:os';
import type { Lang } from '../model/i18n.js';

export interface ThreadsCap {
  readonly threads: number;
  /** The notice to print when the request was cut; absent when it was kept. */
  readonly notice?: string;
}

export function capThreads(requested: number, cores: number, lang: Lang): ThreadsCap {
  const available = Math.max(1, cores);
  if (requested <= available) return { threads: requested };
  return {
    threads: available,
    notice:
      lang === 'zh'
        ? `dgmi: --threads ${requested} 超过本机的 ${available} 个 CPU 核心，按 ${available} 个线程运行\n`
        : `dgmi: --threads ${requested} is more than this machine's ${available} CPU cores; using ${available}\n`,
  };
}

/** The cores this process may use (respects CPU affinity and container limits, unlike os.cpus()). */
export function cpuCount(): number {
  return availableParallelism();
}
