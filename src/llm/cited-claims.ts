import type { RankedClaim } from '../core/claim-ranking.ts';
import { sentenceRef } from '../core/ids.ts';
import type { Analysis } from '../core/engine.ts';
import type { Citation, Point } from '../core/types.ts';

/** Citations are the cited claims' sentences, quoted verbatim and linked as the engine does. */
export function toPoint(analysis: Analysis, text: string, claims: RankedClaim[]): Point {
  return {
    text,
    independentSources: new Set(claims.flatMap((c) => c.supporting.map((m) => analysis.groupIds[m.articleIndex]))).size,
    claimId: (claims[0] as RankedClaim).id,
    citations: claimCitations(analysis, claims),
  };
}

export function claimCitations(analysis: Analysis, claims: RankedClaim[]): Citation[] {
  const seen = new Set<string>();
  return claims
    .flatMap((c) => [c.display, ...c.supporting.filter((m) => m !== c.display)])
    .filter((m) => {
      const key = sentenceRef(m);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(analysis.cite);
}
