import { channelKey, type StoryChannel, type StoryOwner, type StoryRecord, type StoryRepository, type StorySummary } from '../core/ports/story-repository.ts';
import type { Topic } from '../core/types.ts';
import { StoryInputError, StoryNotFoundError } from '../stories/errors.ts';
import { candidateIds, checkTitle, STORY_ID, storyIdFromTitle } from '../stories/story-input.ts';

export interface StoryDirectoryDeps {
  stories: StoryRepository;
  /** Article counts and last additions (the article store). */
  articles: { count(storyId: string): Promise<number>; lastAddedAt(storyId: string): Promise<string | undefined> };
  /** The story of a channel's digest subscription, if it has one (the upgrade path). */
  subscriptionStory(channel: StoryChannel): Promise<string | undefined>;
  /** The deployment's topics (TOPICS_FILE, else the bundled trade/defence/China). */
  topics: Topic[];
  /** DEFAULT_STORY: the story of channels that follow none. */
  defaultStory: string;
  now: () => Date;
}

/**
 * The rules of stories, shared by the Redis and the in-process service: ids from titles, who may
 * see and change a story (its owner workspace; shared stories everyone but only from the CLI),
 * which story a channel uses, and which topics a story is briefed by.
 */
export class StoryDirectory {
  readonly #deps: StoryDirectoryDeps;

  constructor(deps: StoryDirectoryDeps) {
    this.#deps = deps;
  }

  get defaultStory(): string {
    return this.#deps.defaultStory;
  }

  /** A new story owned by `owner` (undefined: shared, from the CLI); its id comes from the title unless given. */
  async create(request: { owner?: StoryOwner; title: string; topics?: Topic[]; createdBy: string; id?: string }): Promise<StoryRecord> {
    const title = checkTitle(request.title);
    const base = {
      title,
      topics: request.topics ?? this.#deps.topics,
      ...(request.owner ? { owner: request.owner } : {}),
      createdBy: request.createdBy,
      createdAt: this.#deps.now().toISOString(),
    };
    if (request.id !== undefined) {
      if (!STORY_ID.test(request.id)) throw new StoryInputError(`story id "${request.id}" may use letters, digits, "_", "-" and "." only (max 64)`);
      const record = { id: request.id, ...base };
      if (await this.#deps.stories.create(record)) return record;
      throw new StoryInputError(`the story id "${request.id}" is taken`);
    }
    for (const id of candidateIds(storyIdFromTitle(title))) {
      // The default story's id stays free for its own record (made from the CLI).
      if (id === this.#deps.defaultStory) continue;
      const record = { id, ...base };
      if (await this.#deps.stories.create(record)) return record;
    }
    throw new StoryInputError('too many stories share that title; choose another');
  }

  /** The record of a story id; the default story has one even before anyone made it. */
  async record(storyId: string): Promise<StoryRecord | undefined> {
    const stored = await this.#deps.stories.get(storyId);
    if (stored) return stored;
    if (storyId !== this.#deps.defaultStory) return undefined;
    return { id: storyId, title: storyId, topics: this.#deps.topics, createdBy: 'deployment', createdAt: '' };
  }

  /** The topics a story is briefed by: its own, else the deployment's (stories made by `summit ingest` alone). */
  async topicsOf(storyId: string): Promise<Topic[]> {
    return (await this.#deps.stories.get(storyId))?.topics ?? this.#deps.topics;
  }

  /** Stories the workspace may use (its own and the shared ones, not archived), with counts. */
  async list(owner: StoryOwner | undefined): Promise<StorySummary[]> {
    const stored = await this.#deps.stories.all();
    const records = stored.some((r) => r.id === this.#deps.defaultStory) ? stored : [(await this.record(this.#deps.defaultStory)) as StoryRecord, ...stored];
    const visible = records.filter((r) => !r.archivedAt && (owner === undefined || mayUse(r, owner)));
    return Promise.all(
      visible.map(async (story) => {
        const [articles, updatedAt] = await Promise.all([this.#deps.articles.count(story.id), this.#deps.articles.lastAddedAt(story.id)]);
        return { story, articles, ...(updatedAt ? { updatedAt } : {}) };
      }),
    );
  }

  /**
   * The story a person names (its id, or its title among the workspace's stories), checked:
   * another workspace's story, an archived one and an unknown one are all "not found".
   */
  async find(owner: StoryOwner, ref: string): Promise<StoryRecord> {
    const wanted = ref.trim();
    const byId = STORY_ID.test(wanted) ? await this.record(wanted) : undefined;
    if (byId && !byId.archivedAt && mayUse(byId, owner)) return byId;
    const byTitle = (await this.list(owner)).map((s) => s.story).filter((s) => s.title.toLowerCase() === wanted.toLowerCase());
    if (byTitle.length === 1) return byTitle[0] as StoryRecord;
    throw new StoryNotFoundError(wanted);
  }

  /** A story the workspace owns, for changes; shared stories are changed from the command line. */
  async findOwned(owner: StoryOwner, ref: string): Promise<StoryRecord> {
    const story = await this.find(owner, ref);
    if (!story.owner) throw new StoryInputError(`“${story.title}” is shared by every workspace; change it with \`summit story\` on the command line`);
    return story;
  }

  async rename(owner: StoryOwner, ref: string, title: string): Promise<StoryRecord> {
    const story = await this.findOwned(owner, ref);
    const renamed = { ...story, title: checkTitle(title) };
    await this.#deps.stories.save(renamed);
    return renamed;
  }

  async archive(owner: StoryOwner, ref: string): Promise<StoryRecord> {
    const story = await this.findOwned(owner, ref);
    const archived = { ...story, archivedAt: this.#deps.now().toISOString() };
    await this.#deps.stories.save(archived);
    return archived;
  }

  /** Sets a story's topics: through chat for the workspace's own (`owner`), from the CLI for any (`owner` undefined). */
  async setTopics(owner: StoryOwner | undefined, ref: string, topics: Topic[]): Promise<StoryRecord> {
    if (topics.length === 0) throw new StoryInputError('a story needs at least one topic');
    const story = owner ? await this.findOwned(owner, ref) : await this.record(ref);
    if (!story) throw new StoryNotFoundError(ref);
    const changed = { ...story, topics };
    await this.#deps.stories.save(changed);
    return changed;
  }

  /** Points a channel at a story it may use. */
  async follow(channel: StoryChannel, ref: string): Promise<StoryRecord> {
    const story = await this.find(channel, ref);
    await this.#deps.stories.follow(channelKey(channel), story.id);
    return story;
  }

  /**
   * The story of a channel: the one it follows (while that is still usable), else its digest
   * subscription's (subscriptions made before stories existed keep theirs), else DEFAULT_STORY.
   */
  async ofChannel(channel: StoryChannel): Promise<string> {
    const followed = await this.#deps.stories.followed(channelKey(channel));
    if (followed) {
      const story = await this.record(followed);
      if (story && !story.archivedAt && mayUse(story, channel)) return story.id;
    }
    return (await this.#deps.subscriptionStory(channel)) ?? this.#deps.defaultStory;
  }
}

/** A workspace may use its own stories and the shared ones. */
export function mayUse(story: StoryRecord, owner: StoryOwner): boolean {
  return !story.owner || (story.owner.platform === owner.platform && story.owner.workspaceId === owner.workspaceId);
}
