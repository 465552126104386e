/** An article as it arrives from any source, before cleaning. */
export interface ArticleInput {
  /** Where it came from: input file name (with line number for ndjson) or URL. */
  source: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
  /** Plain text (already extracted from HTML by the ingest layer). */
  text: string;
}

export interface Sentence {
  /** Stable within the article: 1-based position among the cleaned sentences. */
  id: number;
  /** Verbatim cleaned sentence as shown to readers. */
  text: string;
}

export interface Article {
  id: string;
  source: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
  sentences: Sentence[];
  /** What the cleaner removed, for diagnostics (never shown as content). */
  removed: string[];
}

export interface SentenceRef {
  articleId: string;
  sentenceId: number;
}

export interface Citation extends SentenceRef {
  quote: string;
  link: string;
}

export interface Point {
  text: string;
  independentSources: number;
  /** Id of the claim this point states (stable for the same article set). */
  claimId: string;
  citations: Citation[];
}

export interface TopicBriefing {
  id: string;
  label: string;
  points: Point[];
}

export interface DisagreementVariant {
  text: string;
  articleIds: string[];
}

export interface Disagreement {
  about: string;
  kind: 'number' | 'date' | 'name' | 'title' | 'place' | 'detail';
  variants: DisagreementVariant[];
  citations: Citation[];
}

export interface BriefingArticle {
  id: string;
  source: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
  group: string;
  lowInformation: boolean;
  sentences: number;
}

export interface Briefing {
  story: string;
  generatedAt: string;
  engine: string;
  articles: BriefingArticle[];
  groups: { id: string; articleIds: string[] }[];
  topics: TopicBriefing[];
  disagreements: Disagreement[];
}

export interface Answer {
  question: string;
  answer: string;
  supported: boolean;
  citations: Citation[];
}

export interface Topic {
  id: string;
  label: string;
  description: string;
  terms: string[];
}
