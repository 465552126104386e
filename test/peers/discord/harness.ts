import type { SummitService } from '../../../src/app/summit-service.ts';
import { LocalSummitService } from '../../../src/app/local-service.ts';
import { type DiscordBot, startDiscordBot } from '../../../src/chat/discord/bot.ts';
import type { DiscordLogger } from '../../../src/chat/discord/context.ts';
import { deployCommands } from '../../../src/chat/discord/deploy.ts';
import { loadArticleSet } from '../../../src/cli/article-set.ts';
import { loadTopics } from '../../../src/cli/topics-file.ts';
import { type DiscordConfig, loadDiscordConfig } from '../../../src/config/discord.ts';
import { englishWords } from '../../../src/lexicon/english-words.ts';
import { DiscordPeer, type PeerOptions } from './peer.ts';
import type { StoredMessage } from './state.ts';
import { messageLinks, visibleText, wouldPing } from './wire.ts';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  fields: object;
  message: string;
}

export function collectingLogger(lines: LogLine[]): DiscordLogger {
  return {
    info: (fields, message) => void lines.push({ level: 'info', fields, message }),
    warn: (fields, message) => void lines.push({ level: 'warn', fields, message }),
    error: (fields, message) => void lines.push({ level: 'error', fields, message }),
  };
}

/** The bundled demo set in-process, with a fixed clock. */
export async function bundledService(): Promise<LocalSummitService> {
  const set = await loadArticleSet(undefined, () => {});
  return new LocalSummitService([{ id: set.story, articles: set.articles }], {
    topics: await loadTopics(),
    dictionary: englishWords(),
    now: () => new Date('2026-01-01T08:00:00Z'),
  });
}

export interface HarnessOptions {
  service?: SummitService;
  /** Default https://summit.example; null for none. */
  publicBaseUrl?: string | null;
  messageContent?: boolean;
  adminRole?: boolean;
  /** Shared clock of peer and bot. */
  now?: () => number;
  peer?: PeerOptions;
}

export interface BotHarness {
  peer: DiscordPeer;
  bot: DiscordBot;
  service: SummitService;
  config: DiscordConfig;
  logs: LogLine[];
  close(): Promise<void>;
}

/** A peer, /summit deployed to its guild, and the real bot logged in to it. */
export async function startBotHarness(options: HarnessOptions = {}): Promise<BotHarness> {
  const now = options.now ?? Date.now;
  const peer = await DiscordPeer.start({ now, ...options.peer });
  const service = options.service ?? (await bundledService());
  const publicBaseUrl = options.publicBaseUrl === undefined ? 'https://summit.example' : options.publicBaseUrl;
  const config = loadDiscordConfig({
    DISCORD_TOKEN: peer.token,
    DISCORD_APPLICATION_ID: peer.applicationId,
    DISCORD_API_URL: peer.apiUrl,
    DISCORD_MESSAGE_CONTENT: options.messageContent ? 'true' : 'false',
    ...(publicBaseUrl ? { PUBLIC_BASE_URL: publicBaseUrl } : {}),
    ...(options.adminRole ? { DISCORD_ADMIN_ROLE_ID: peer.adminRoleId } : {}),
  });
  const logs: LogLine[] = [];
  try {
    await deployCommands(config, service.topics(), peer.guildId);
    const bot = await startDiscordBot({ config, service, logger: collectingLogger(logs), now, readyTimeoutMs: 10_000 });
    return {
      peer,
      bot,
      service,
      config,
      logs,
      async close() {
        await bot.stop();
        await peer.close();
      },
    };
  } catch (error) {
    await peer.close();
    throw error;
  }
}

/** What a message looks like to people, as the shared contract describes it. */
export function asPosted(message: StoredMessage, threadId?: string) {
  return {
    text: visibleText(message),
    ...(threadId ? { threadId } : {}),
    // Edits notify newly mentioned people too, so every version counts.
    wouldPing: message.history.some((v) => wouldPing(v.content, v.allowedMentions, message.replyTo !== undefined)),
    links: messageLinks(message),
  };
}

/** Polls the service until the thread is linked (the bot links it right after creating it). */
export async function linkedThread(service: SummitService, threadId: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const link = await service.thread(threadId);
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`thread ${threadId} was never linked`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The interaction's reply once it is final (not the deferred "thinking" state). */
export function finalReply(peer: DiscordPeer, interaction: { originalId?: string }, what = 'the interaction reply') {
  return peer.waitFor(() => {
    const message = interaction.originalId ? peer.messages.get(interaction.originalId) : undefined;
    return message && (message.flags & 128) === 0 ? message : undefined;
  }, what);
}

/** The briefing reply once its question thread exists and is linked to the story. */
export async function briefingReply(h: BotHarness, interaction: { originalId?: string }) {
  const reply = await h.peer.waitFor(() => {
    const message = interaction.originalId ? h.peer.messages.get(interaction.originalId) : undefined;
    return message?.threadId ? message : undefined;
  }, 'the briefing reply and its thread');
  const link = await linkedThread(h.service, `discord:${reply.threadId}`);
  return { reply, link };
}

/** Polls `check` (for state outside the peer, such as logs) until it is truthy. */
export async function eventually<T>(check: () => T | undefined | null | false, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
