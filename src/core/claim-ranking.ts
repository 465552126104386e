import type { ClaimCluster } from './claims.ts';
import type { SentenceFeatures, TermWeights } from './features.ts';
import type { Specifics } from './specificity.ts';

/** A claim with everything needed to rank and show it. */
export interface RankedClaim {
  id: string;
  cluster: ClaimCluster;
  /** The member whose wording is shown. */
  display: SentenceFeatures;
  members: SentenceFeatures[];
  /**
   * The members a point cites and counts: those from informative articles. Filler articles
   * neither corroborate nor get quoted when a real report says the same (all members otherwise).
   */
  supporting: SentenceFeatures[];
  /** Distinct rewrite groups among the supporting articles. */
  independentSources: number;
  /** True when only low-information articles say this. */
  lowInformationOnly: boolean;
  salience: number;
}

export interface RankingContext {
  sentences: SentenceFeatures[];
  weights: TermWeights;
  specifics: Specifics;
  groupOf: number[];
  lowInformation: boolean[];
  /** Share of independent reports (rewrite groups) each term appears in, for centrality. */
  termReportShare: Map<number, number>;
}

/** Questions, fragments and hedged filler make poor points. */
function wordingQuality(s: SentenceFeatures): number {
  let q = 1;
  if (/\?$/.test(s.text)) q *= 0.2;
  if (s.words < 8) q *= 0.5;
  if (s.words > 45) q *= 0.8;
  if (s.words > 70) q *= 0.3; // run-on text, lists, keyword stuffing
  if (/^(?:he|she|it|they|this|that|these|those|the two)\b/i.test(s.text)) q *= 0.8;
  if ((s.text.includes(' to ') || s.text.includes('agenda')) && AGENDA_PREVIEW.test(s.text)) q *= 0.4;
  return q;
}

/**
 * Previews of what talks will cover ("discussions are expected to focus on tariffs and security")
 * name subjects without saying anything about them; the briefing's points are the facts themselves.
 */
const AGENDA_PREVIEW =
  /\b(?:expected|anticipated|set|likely|poised|due|slated|scheduled)\s+to\s+(?:focus|centre|center|revolve|dominate|cover|discuss|address|feature|touch)\b|\b(?:on|top|tops|topping|dominate|dominates|dominating) the agenda\b/i;

export function rankClaims(
  claims: ClaimCluster[],
  ctx: RankingContext,
  claimId: (c: ClaimCluster) => string,
) {
  return claims.map((cluster): RankedClaim => {
    let id: string | undefined;
    const members = cluster.members.map((m) => ctx.sentences[m] as SentenceFeatures);
    const informative = members.filter((m) => !ctx.lowInformation[m.articleIndex]);
    const pool = informative.length > 0 ? informative : members;
    const groups = new Set(pool.map((m) => ctx.groupOf[m.articleIndex]));
    // The display is the clearest member: most specific, then best worded, then fewest words over 30.
    // Each member is scored once: claims of big sets hold thousands of members.
    let display = pool[0] as SentenceFeatures;
    let bestWording = -Infinity;
    let specificity = 0;
    for (const m of pool) {
      const specific = ctx.specifics.sentenceScore(m);
      specificity = Math.max(specificity, specific);
      const wording = specific * 2 + wordingQuality(m) * 3 - Math.max(0, m.words - 30) * 0.1;
      if (wording > bestWording) {
        bestWording = wording;
        display = m;
      }
    }
    const centrality =
      display.termIds.length === 0
        ? 0
        : display.termIds.reduce((sum, t) => sum + (ctx.termReportShare.get(t) ?? 0), 0) / display.termIds.length;
    let firstPosition = Infinity;
    for (const m of members) firstPosition = Math.min(firstPosition, m.position);
    const lead = 1 + 0.3 / (1 + firstPosition);
    const onlyLowInfo = informative.length === 0 ? 0.25 : 1;
    const salience =
      (1 + Math.log2(groups.size)) *
      (1 + Math.min(specificity, 6) / 3) *
      (0.8 + 0.4 * centrality) *
      lead *
      wordingQuality(display) *
      onlyLowInfo;
    return {
      // Hashed on first use: most claims of a big set are never shown.
      get id() {
        id ??= claimId(cluster);
        return id;
      },
      cluster,
      display,
      members,
      supporting: pool,
      independentSources: groups.size,
      lowInformationOnly: informative.length === 0,
      salience,
    };
  });
}


/** What only filler articles say is neither briefed nor an answer while any real report exists. */
export function reportedClaims(claims: RankedClaim[]): RankedClaim[] {
  return claims.some((c) => !c.lowInformationOnly) ? claims.filter((c) => !c.lowInformationOnly) : claims;
}
