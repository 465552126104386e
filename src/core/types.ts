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

/** What is known about an article besides its text. */
export interface ArticleMeta {
  id: string;
  source: string;
  title?: string;
  url?: string;
  outlet?: string;
  publishedAt?: string;
}

export interface Article extends ArticleMeta {
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
  /** Topics of the claims it is about (briefing order; "overview" for an overview point); empty when no briefed claim is. */
  topicIds: string[];
}

export interface BriefingArticle extends ArticleMeta {
  /** Its first sentence: what a source list shows when there is no headline, page title or URL slug. */
  lead?: string;
  group: string;
  lowInformation: boolean;
  sentences: number;
}

export interface Briefing {
  story: string;
  /** Display title set by whoever created the story; renderers derive one from headlines otherwise. */
  title?: string;
  generatedAt: string;
  engine: string;
  articles: BriefingArticle[];
  groups: { id: string; articleIds: string[] }[];
  /**
   * Full briefings: the story's top developments that no topic section carries (a story's biggest
   * news may fit no topic), shown first. Absent in a one-topic brief.
   */
  overview?: { points: Point[] };
  topics: TopicBriefing[];
  disagreements: Disagreement[];
  /** Things the reader must be told, e.g. that the LLM failed and the offline engine wrote this. */
  notes?: string[];
}

export interface Answer {
  question: string;
  answer: string;
  supported: boolean;
  citations: Citation[];
  /** As in Briefing: shown to the reader with the answer. */
  notes?: string[];
}

export interface Topic {
  id: string;
  label: string;
  description: string;
  terms: string[];
}

/** Where a digest is posted: one chat channel following one story. */
export interface Subscription {
  platform: 'slack' | 'discord';
  /** Workspace (Slack team id) or guild id. */
  workspaceId: string;
  channelId: string;
  storyId: string;
  /** Local time of day, "HH:MM". */
  time: string;
  /** IANA time zone, e.g. "Europe/Berlin". */
  timeZone: string;
  /** Topic ids; empty means all topics. */
  topics: string[];
  createdBy: string;
}

/** What is new for one channel since its last digest. */
export interface Digest {
  story: string;
  /** The story's display title (set, or derived from the full briefing's headlines). */
  title?: string;
  generatedAt: string;
  /** The subscriber's local date (YYYY-MM-DD) this digest is for. */
  localDate: string;
  engine: string;
  nothingNew: boolean;
  /** The overview's new points (channels following all topics only). */
  overview?: { points: Point[] };
  /** Only points whose claims the channel has not been sent before. */
  topics: TopicBriefing[];
  /** Disagreements that are new or changed since the last digest. */
  disagreements: Disagreement[];
  articles: BriefingArticle[];
  /** Id of the full briefing this digest was cut from (for "see full briefing" links). */
  briefingId?: string;
}

/** A chat thread (platform-namespaced id, e.g. "slack:C123:1700000000.1234") and what it is about. */
export interface ThreadLink {
  threadId: string;
  storyId: string;
  briefingId?: string;
  turns: { question: string; answer: Answer }[];
}
