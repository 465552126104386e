import { join } from 'node:path';
import type { LlmConfig, OpenAiConfig } from '../../../src/config/llm.ts';
import { loadTopics } from '../../../src/cli/topics-file.ts';
import { type Analysis, analyse, type EngineOptions } from '../../../src/core/engine.ts';
import { readArticles } from '../../../src/ingest/read-articles.ts';
import { englishWords } from '../../../src/lexicon/english-words.ts';
import { createWriter } from '../../../src/llm/create-writer.ts';
import type { LlmCallEvent, LlmFallbackEvent, LlmMetrics, LlmVerificationEvent } from '../../../src/llm/metrics.ts';
import type { Writer } from '../../../src/llm/writer.ts';
import { REPO } from '../../helpers/cli.ts';
import { type OpenAiPeer, PEER_API_KEY } from './server.ts';

export interface ArticleSetUnderTest {
  analysis: Analysis;
  options: EngineOptions;
}

const sets = new Map<string, Promise<ArticleSetUnderTest>>();

/** An article set of the repository, read and analysed once per test process. */
export function analysedSet(relativePath: string): Promise<ArticleSetUnderTest> {
  let set = sets.get(relativePath);
  if (!set) {
    set = (async () => {
      const { articles } = await readArticles(join(REPO, relativePath));
      const options = {
        story: relativePath.split('/').at(-1) ?? relativePath,
        topics: await loadTopics(),
        dictionary: englishWords(),
        now: () => new Date('2026-01-01T00:00:00Z'),
      };
      return { analysis: analyse(articles, options), options };
    })();
    sets.set(relativePath, set);
  }
  return set;
}

export const seedSet = () => analysedSet('data/summit-2025');
export const hostileSet = () => analysedSet('test/fixtures/hostile');

export const TEST_MODEL = 'test-model';

/** LLM settings pointing at the peer: no retries and short timeouts unless a test asks. */
export function peerConfig(peer: OpenAiPeer, overrides: Partial<OpenAiConfig> = {}): LlmConfig {
  return {
    engine: 'llm',
    openai: {
      apiKey: PEER_API_KEY,
      baseUrl: peer.baseUrl,
      model: TEST_MODEL,
      timeoutMs: 5_000,
      maxRetries: 0,
      maxRetryWaitMs: 5_000,
      maxOutputTokens: 1_000,
      ...overrides,
    },
  };
}

/** Metrics hooks that keep every event, for assertions. */
export function recordingMetrics() {
  const calls: LlmCallEvent[] = [];
  const verifications: LlmVerificationEvent[] = [];
  const fallbacks: LlmFallbackEvent[] = [];
  const metrics: LlmMetrics = {
    call: (e) => calls.push(e),
    verification: (e) => verifications.push(e),
    fallback: (e) => fallbacks.push(e),
  };
  return { calls, verifications, fallbacks, metrics };
}

/** The production writer (real `openai` client) talking to the peer. */
export function peerWriter(
  peer: OpenAiPeer,
  overrides: Partial<OpenAiConfig> = {},
  metrics?: LlmMetrics,
): Promise<Writer> {
  return createWriter(peerConfig(peer, overrides), { dictionary: englishWords(), ...(metrics ? { metrics } : {}) });
}
