import type { Analysis } from '../core/engine.ts';

/**
 * The last few analyses a worker computed, by story and fingerprint: answering questions and
 * briefing single topics reuse one analysis instead of re-running the engine on the whole set.
 */
export class AnalysisCache {
  readonly #entries = new Map<string, Analysis>();
  readonly #capacity: number;

  constructor(capacity = 4) {
    this.#capacity = capacity;
  }

  get(storyId: string, fingerprint: string): Analysis | undefined {
    const key = keyOf(storyId, fingerprint);
    const analysis = this.#entries.get(key);
    if (analysis) {
      // Re-insert so the map's order stays least-recently-used first.
      this.#entries.delete(key);
      this.#entries.set(key, analysis);
    }
    return analysis;
  }

  delete(storyId: string, fingerprint: string): void {
    this.#entries.delete(keyOf(storyId, fingerprint));
  }

  set(storyId: string, fingerprint: string, analysis: Analysis): void {
    this.#entries.set(keyOf(storyId, fingerprint), analysis);
    while (this.#entries.size > this.#capacity) {
      this.#entries.delete(this.#entries.keys().next().value as string);
    }
  }
}

const keyOf = (storyId: string, fingerprint: string) => `${storyId}\u0000${fingerprint}`;
