import { join } from 'node:path';
import { AbsoluteSummarizerConfig, DefaultTextParser, NullLogger, SorensenDiceSimilarity, Summarizer } from 'ts-textrank';
import { loadTopics } from '../src/cli/topics-file.ts';
import { analyse, briefingFromAnalysis } from '../src/core/engine.ts';
import { readArticles } from '../src/ingest/read-articles.ts';
import { englishWords } from '../src/lexicon/english-words.ts';
import { SEED_FACTS, statesFact } from './seed-facts.ts';
import { markdownTable } from './table.ts';

interface Summary {
  method: string;
  /** Each point with the topic it was filed under (none for the baseline). */
  points: { topic?: string; text: string }[];
}

/**
 * Briefs the bundled seed set with the engine and with a TextRank baseline of equal length (as
 * many top sentences as the engine has points) and counts the required facts each states.
 */
export async function compareOnSeedSet(repoRoot: string): Promise<string> {
  const { articles } = await readArticles(join(repoRoot, 'data/summit-2025'));
  const options = { story: 'summit-2025', topics: await loadTopics(), dictionary: englishWords() };
  const analysis = analyse(articles, options);
  const briefing = briefingFromAnalysis(analysis, options);
  const engine: Summary = {
    method: 'summit engine',
    points: briefing.topics.flatMap((t) => t.points.map((p) => ({ topic: normaliseTopic(t.id), text: p.text }))),
  };
  // The baseline reads the same cleaned sentences, one a line, so only the selection differs.
  const cleaned = analysis.articles.map((a) => a.sentences.map((s) => s.text).join('\n')).join('\n');
  const textRank: Summary = { method: 'TextRank (ts-textrank)', points: textRankTop(cleaned, engine.points.length) };

  const rows = [engine, textRank].map((summary) => {
    const found = SEED_FACTS.filter((fact) =>
      summary.points.some(
        (p) => (p.topic === undefined || fact.topics.includes(p.topic)) && statesFact(fact, p.text),
      ),
    );
    const missed = SEED_FACTS.filter((f) => !found.includes(f)).map((f) => f.id.split(' ')[0]);
    const words = summary.points.reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0);
    return [
      summary.method,
      String(summary.points.length),
      String(words),
      `${found.length}/${SEED_FACTS.length}`,
      missed.join(', ') || '-',
    ];
  });
  return markdownTable(['method', 'points', 'words', 'facts found', 'missed'], rows, [false, true, true, true, false]);
}

export function textRankTop(text: string, count: number): { text: string }[] {
  if (count < 1) return [];
  const config = new AbsoluteSummarizerConfig(
    count,
    new SorensenDiceSimilarity(),
    new DefaultTextParser(),
    0.85,
    Summarizer.SORT_SCORE,
  );
  return new Summarizer(config, new NullLogger()).summarize(text, 'en').map((s) => ({ text: s }));
}

/** As the scoring tool does: topic ids compared lower-case, "defense" read as "defence". */
function normaliseTopic(id: string): string {
  return id.toLowerCase().replace('defense', 'defence');
}
