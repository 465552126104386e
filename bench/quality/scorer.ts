import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What score.py prints: the scorer's metrics, summary line, thresholds not met, report lines. */
export interface Scored {
  metrics: Record<string, number | boolean>;
  summary: string;
  fails: string[];
  lines: string[];
}

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The shared scorer (../shared/tools/score_briefing.py) where this checkout sits beside it, else
 * the copy kept in bench/quality/scorer/ (with the bundled set's gold), so a clean clone scores too.
 */
export function scorerPath(repoRoot: string): string {
  const shared = resolve(repoRoot, '../shared/tools/score_briefing.py');
  return existsSync(shared) ? shared : join(here, 'scorer/score_briefing.py');
}

/** Scores one briefing file against a gold file (thresholds from the gold's "min"). */
export function runScorer(scorer: string, goldPath: string, briefingPath: string, sourcesDir: string): Scored {
  const out = execFileSync('python3', [join(here, 'score.py'), scorer, goldPath, briefingPath, sourcesDir], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out) as Scored;
}
