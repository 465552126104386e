/**
 * One contract for every chat adapter (Slack, Discord): each adapter's e2e test builds a
 * harness around its real SDK client talking to its local protocol peer, and runs these checks.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LocalSummitService } from '../../src/app/local-service.ts';
import type { SummitService } from '../../src/app/summit-service.ts';
import type { Digest } from '../../src/core/types.ts';
import { englishWords } from '../../src/lexicon/english-words.ts';

/** A message as the peer received it. */
export interface PostedMessage {
  /** Every piece of text a user would see (blocks/embeds flattened), as sent on the wire. */
  text: string;
  /** Thread the message opened or was posted in (platform-namespaced id), if any. */
  threadId?: string;
  /** True when the platform would notify @everyone/@channel/roles/users for this message. */
  wouldPing: boolean;
  /** Link targets the platform would render as clickable, with their visible labels. */
  links: { url: string; label: string }[];
}

export interface ChatHarness {
  /** Runs `/summit brief [topic]` in a channel the bot is in; returns the briefing message posted. */
  brief(topic?: string): Promise<PostedMessage>;
  /** Delivers a digest through the adapter's ChatDelivery. */
  postDigest(digest: Digest): Promise<PostedMessage>;
  /** Posts a user question in a thread (mentioning the bot); returns the bot's reply in that thread. */
  askInThread(threadId: string, question: string): Promise<PostedMessage>;
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** A story whose articles try to ping everyone, forge links and inject instructions. */
export function hostileService(): SummitService {
  const articles = readdirSync(FIXTURES).map((f) => ({ source: f, text: readFileSync(join(FIXTURES, f), 'utf8') }));
  return new LocalSummitService([{ id: 'freedonia', articles }], {
    topics: [
      { id: 'trade', label: 'Trade', description: '', terms: ['tariff', 'steel', 'jobs', 'exports'] },
      { id: 'defence', label: 'Defence', description: '', terms: ['army', 'missile', 'defence'] },
    ],
    dictionary: englishWords(),
    now: () => new Date('2026-01-01T08:00:00Z'),
  });
}

export function chatAdapterContract(platform: string, makeHarness: (service: SummitService) => Promise<ChatHarness>) {
  const service = hostileService();

  test(`${platform} contract: brief posts points with numbered source links`, async () => {
    const h = await makeHarness(service);
    try {
      const msg = await h.brief();
      assert.match(msg.text, /12,000 factory jobs/);
      assert.match(msg.text, /Trade/);
      assert.ok(msg.links.length > 0, 'source links');
      assert.ok(msg.threadId, 'the briefing opens a thread for questions');
    } finally {
      await h.close();
    }
  });

  test(`${platform} contract: hostile article text neither pings nor forges links`, async () => {
    const h = await makeHarness(service);
    try {
      const msg = await h.brief('trade');
      assert.equal(msg.wouldPing, false);
      for (const link of msg.links) assert.doesNotMatch(link.url, /evil\.example/, `forged link ${link.url}`);
    } finally {
      await h.close();
    }
  });

  test(`${platform} contract: digest is posted and opens a thread; a follow-up is answered there`, async () => {
    const h = await makeHarness(service);
    try {
      const { briefing } = await service.brief({ storyId: 'freedonia' });
      const digest: Digest = {
        story: briefing.story,
        generatedAt: briefing.generatedAt,
        localDate: '2026-01-01',
        engine: briefing.engine,
        nothingNew: false,
        topics: briefing.topics,
        disagreements: briefing.disagreements,
        articles: briefing.articles,
      };
      const posted = await h.postDigest(digest);
      assert.match(posted.text, /12,000 factory jobs/);
      assert.ok(posted.threadId);
      const reply = await h.askInThread(posted.threadId, 'How many factory jobs are protected?');
      assert.match(reply.text, /12,000/);
      assert.equal(reply.threadId, posted.threadId);
      const none = await h.askInThread(posted.threadId, 'What did they say about Atlantis?');
      assert.match(none.text, /articles don't say/i);
      assert.equal(none.wouldPing, false);
    } finally {
      await h.close();
    }
  });
}
