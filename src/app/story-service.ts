import type { StoryChannel, StoryOwner, StoryRecord, StorySummary } from '../core/ports/story-repository.ts';
import type { Subscription, Topic } from '../core/types.ts';
import { parseTopicList } from '../stories/topics-input.ts';
import type { StoryDirectory } from './story-directory.ts';
import type { SummitService } from './summit-service.ts';

type StoryMethods = Pick<
  SummitService,
  'storyTopics' | 'channelStory' | 'stories' | 'findStory' | 'createStory' | 'renameStory' | 'archiveStory' | 'setStoryTopics' | 'follow'
>;

/** How `follow` moves a channel's digest subscription (the service's own subscribe path). */
export interface SubscriptionMover {
  subscriptions(platform: Subscription['platform'], channelId: string): Promise<Subscription[]>;
  subscribe(subscription: Subscription): Promise<void>;
}

/** The story part of SummitService, the same for the Redis and the in-process service. */
export class StoryService implements StoryMethods {
  readonly #directory: StoryDirectory;
  readonly #topics: Topic[];
  readonly #subscriptions: SubscriptionMover;

  constructor(directory: StoryDirectory, deploymentTopics: Topic[], subscriptions: SubscriptionMover) {
    this.#directory = directory;
    this.#topics = deploymentTopics;
    this.#subscriptions = subscriptions;
  }

  async storyTopics(storyId: string): Promise<{ id: string; label: string }[]> {
    return (await this.#directory.topicsOf(storyId)).map((t) => ({ id: t.id, label: t.label }));
  }

  channelStory(channel: StoryChannel): Promise<string> {
    return this.#directory.ofChannel(channel);
  }

  stories(owner: StoryOwner): Promise<StorySummary[]> {
    return this.#directory.list(owner);
  }

  findStory(owner: StoryOwner, ref: string): Promise<StoryRecord> {
    return this.#directory.find(owner, ref);
  }

  createStory(request: { owner: StoryOwner; title: string; topics?: string; createdBy: string }): Promise<StoryRecord> {
    const topics = request.topics?.trim() ? parseTopicList(request.topics, this.#topics) : undefined;
    return this.#directory.create({ owner: request.owner, title: request.title, createdBy: request.createdBy, ...(topics ? { topics } : {}) });
  }

  renameStory(owner: StoryOwner, ref: string, title: string): Promise<StoryRecord> {
    return this.#directory.rename(owner, ref, title);
  }

  archiveStory(owner: StoryOwner, ref: string): Promise<StoryRecord> {
    return this.#directory.archive(owner, ref);
  }

  setStoryTopics(owner: StoryOwner, ref: string, topics: string): Promise<StoryRecord> {
    return this.#directory.setTopics(owner, ref, parseTopicList(topics, this.#topics));
  }

  async follow(channel: StoryChannel, ref: string): Promise<{ story: StoryRecord; subscriptionMoved: boolean }> {
    const story = await this.#directory.follow(channel, ref);
    const [subscription] = await this.#subscriptions.subscriptions(channel.platform, channel.channelId);
    if (!subscription || subscription.storyId === story.id) return { story, subscriptionMoved: false };
    // The digest follows the channel's story; topics the new story lacks fall back to all topics.
    const known = new Set(story.topics.map((t) => t.id));
    const topics = subscription.topics.every((t) => known.has(t)) ? subscription.topics : [];
    await this.#subscriptions.subscribe({ ...subscription, storyId: story.id, topics });
    return { story, subscriptionMoved: true };
  }
}
