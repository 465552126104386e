import { loadTopics } from '../cli/topics-file.ts';
import { englishWords } from '../lexicon/english-words.ts';
import { type BriefingEngine, offlineEngine } from './briefing-engine.ts';

/**
 * The engine every process builds from config: workers run it, and chat processes take its
 * topics and cache identity from it, so both compute the same briefing ids. (The LLM path plugs
 * in here, so the identity stays the same on both sides.)
 */
export async function createEngine(config: { topicsFile?: string }, now?: () => Date): Promise<BriefingEngine> {
  const topics = await loadTopics(config.topicsFile);
  return offlineEngine({ topics, dictionary: englishWords(), ...(now ? { now } : {}) });
}
