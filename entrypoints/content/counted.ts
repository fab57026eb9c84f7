import { COUNTS_GLOBAL } from '../../lib/page-ids';

/**
 * Counts how often a step ran (`analyze`: the background answered a reading; `recheck`: the detector
 * looked at a changed page again), in the extension's isolated world: the browser tests read it there
 * (the page sees nothing). Not a performance mark: the Performance API's first use alone costs a
 * page ≈ 0.4 ms.
 */
export function counted(step: 'analyze' | 'recheck'): void {
  const g = globalThis as Record<string, unknown>;
  const counts = (g[COUNTS_GLOBAL] ??= {}) as Record<string, number>;
  counts[step] = (counts[step] ?? 0) + 1;
}
