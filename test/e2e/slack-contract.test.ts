/**
 * The shared chat-adapter contract against the real Bolt app (HTTP mode, signed requests) and
 * SlackDelivery, both talking to the local Slack Web API peer.
 */
import assert from 'node:assert/strict';
import { pino } from 'pino';
import type { SummitService } from '../../src/app/summit-service.ts';
import { SlackDelivery } from '../../src/chat/slack/delivery.ts';
import { parseSlackThreadId } from '../../src/chat/slack/thread-id.ts';
import { type ChatHarness, chatAdapterContract } from '../contract/chat-adapter-contract.ts';
import { appMentionEvent, messageEvent } from '../peers/slack/payloads.ts';
import { settle, startSlackStack, waitFor } from '../peers/slack/stack.ts';
import { PEER_IDS } from '../peers/slack/state.ts';
import { postedMessage } from '../peers/slack/wire.ts';

// The fixtures have no article URLs: with PUBLIC_BASE_URL set, citations link to summit's own pages.
const PUBLIC_BASE_URL = 'https://summit.example';

async function makeHarness(service: SummitService): Promise<ChatHarness> {
  const stack = await startSlackStack({ service, env: { PUBLIC_BASE_URL } });
  const delivery = SlackDelivery.fromConfig(
    { botToken: stack.peer.botToken, apiUrl: stack.peer.apiUrl, publicBaseUrl: PUBLIC_BASE_URL },
    { logger: pino({ level: 'silent' }), threads: service },
  );
  return {
    async brief(topic) {
      const before = stack.peer.botMessages().length;
      await stack.command(topic ? `brief ${topic}` : 'brief');
      const message = await waitFor(() => stack.peer.botMessages().slice(before).find((m) => !m.threadTs), 'the briefing');
      const posted = postedMessage(message);
      await waitFor(() => service.thread(posted.threadId as string), 'the thread link');
      return posted;
    },
    async postDigest(digest) {
      const { threadId } = await delivery.postDigest(
        {
          platform: 'slack',
          workspaceId: PEER_IDS.team,
          channelId: PEER_IDS.general,
          storyId: service.defaultStory(),
          time: '08:00',
          timeZone: 'UTC',
          topics: [],
          createdBy: PEER_IDS.admin,
        },
        digest,
      );
      const where = parseSlackThreadId(threadId);
      const message = stack.peer.botMessages().find((m) => m.channel === where?.channel && m.ts === where.ts);
      assert.ok(message, `no message for ${threadId}`);
      return postedMessage(message);
    },
    async askInThread(threadId, question) {
      const where = parseSlackThreadId(threadId);
      assert.ok(where, `not a Slack thread id: ${threadId}`);
      const before = stack.peer.botMessages().filter((m) => m.threadTs === where.ts).length;
      // Slack delivers a reply that mentions the bot twice: as `message` and as `app_mention`.
      const m = { channel: where.channel, user: PEER_IDS.alice, ts: stack.peer.nextTs(), threadTs: where.ts, text: `<@${PEER_IDS.botUser}> ${question}` };
      await stack.event(messageEvent(m));
      await stack.event(appMentionEvent(m));
      const reply = await waitFor(() => stack.peer.botMessages().filter((x) => x.threadTs === where.ts)[before], 'the reply');
      await settle(150);
      assert.equal(stack.peer.botMessages().filter((x) => x.threadTs === where.ts).length, before + 1, 'exactly one reply');
      return postedMessage(reply);
    },
    close: () => stack.close(),
  };
}

chatAdapterContract('slack', makeHarness);
