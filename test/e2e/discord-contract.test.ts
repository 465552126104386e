import { chatAdapterContract } from '../contract/chat-adapter-contract.ts';
import type { Subscription } from '../../src/core/types.ts';
import { channelOfThreadKey, threadKey } from '../../src/chat/discord/threads.ts';
import { postUserMessage, replyTo, runCommand } from '../peers/discord/actions.ts';
import { asPosted, startBotHarness } from '../peers/discord/harness.ts';

/** The shared chat-adapter contract against the real discord.js client and the local Discord peer. */
chatAdapterContract('discord', async (service) => {
  const h = await startBotHarness({ service });
  const { peer } = h;
  return {
    async brief(topic) {
      const interaction = runCommand(peer, 'brief', topic ? { topic } : {});
      const reply = await peer.waitFor(() => {
        const m = interaction.originalId ? peer.messages.get(interaction.originalId) : undefined;
        return m?.threadId ? m : undefined;
      }, 'the briefing reply and its thread');
      return asPosted(reply, threadKey(reply.threadId as string));
    },
    async postDigest(digest) {
      const subscription: Subscription = {
        platform: 'discord',
        workspaceId: peer.guildId,
        channelId: peer.channelId,
        storyId: service.defaultStory(),
        time: '08:00',
        timeZone: 'UTC',
        topics: [],
        createdBy: peer.users.admin.id,
      };
      const { threadId } = await h.bot.delivery.postDigest(subscription, digest);
      const thread = channelOfThreadKey(threadId);
      const message = peer.messagesIn(peer.channelId).find((m) => m.threadId === thread);
      if (!message) throw new Error(`no digest message opened thread ${threadId}`);
      return asPosted(message, threadId);
    },
    async askInThread(threadId, question) {
      const channelId = channelOfThreadKey(threadId);
      if (!channelId) throw new Error(`not a Discord thread id: ${threadId}`);
      const asked = postUserMessage(peer, channelId, `<@${peer.botUser.id}> ${question}`);
      const reply = await peer.waitFor(() => replyTo(peer, asked.id), 'the answer in the thread');
      return asPosted(reply, threadKey(reply.channelId));
    },
    async close() {
      const problems = [...peer.problems];
      await h.close();
      if (problems.length > 0) throw new Error(`Discord peer saw protocol problems:\n${problems.join('\n')}`);
    },
  };
});
