import type { SummitService } from '../../app/summit-service.ts';
import { type DiscordConfig, loadDiscordConfig } from '../../config/discord.ts';
import { ConfigError } from '../../config/parse-env.ts';
import type { CliCommand, Output } from '../command.ts';
import { UserError } from '../errors.ts';
import { fetchConfigFromEnv, queueConfigFromEnv } from './queue-config.ts';

interface RunOptions {
  local?: boolean;
  articles?: string;
  topics?: string;
}

/** `summit discord` (the bot) and `summit discord deploy` (register /summit). */
export const discordCommand: CliCommand = {
  register(program, out) {
    const discord = program
      .command('discord')
      .description('run the Discord bot (DISCORD_TOKEN, DISCORD_APPLICATION_ID, …); briefings and digests come from the queue worker')
      .option('--local', 'no Redis: an in-process service over --articles (subscriptions stay in memory; no digests are posted)')
      .option('--articles <path>', 'with --local: directory or file of articles (default: the bundled demo set)')
      .option('--topics <file>', 'with --local: topics JSON file (default: TOPICS_FILE or trade, defence, China)')
      .action((opts: RunOptions) => runBot(opts, out));
    discord
      .command('deploy')
      .description('register /summit with Discord: in one server (--guild or DISCORD_GUILD_ID; instant) or globally')
      .option('--guild <id>', 'server (guild) id; default DISCORD_GUILD_ID')
      .option('--global', 'register globally even when DISCORD_GUILD_ID is set (can take up to an hour to appear)')
      .option('--topics <file>', 'topics JSON file offered as choices (default: TOPICS_FILE or trade, defence, China)')
      .exitOverride()
      .configureOutput({ writeOut: out.stdout, writeErr: out.stderr })
      .action((opts: { guild?: string; global?: boolean; topics?: string }) => deploy(opts, out));
  },
};

function discordConfig(): DiscordConfig {
  try {
    return loadDiscordConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
}

async function deploy(opts: { guild?: string; global?: boolean; topics?: string }, out: Output) {
  const config = discordConfig();
  if (opts.guild !== undefined && !/^\d{17,20}$/.test(opts.guild)) throw new UserError(`--guild: "${opts.guild}" is not a Discord server id (17–20 digits)`, 'cli:usage', 2);
  const guildId = opts.global ? undefined : (opts.guild ?? config.guildId);
  const { loadTopics } = await import('../topics-file.ts');
  const topics = await loadTopics(opts.topics ?? queueConfigFromEnv().topicsFile);
  const { deployCommands } = await import('../../chat/discord/deploy.ts');
  const { INVITE_PERMISSIONS } = await import('../../chat/discord/permissions.ts');
  const { DiscordAPIError } = await import('discord.js');
  let result;
  try {
    result = await deployCommands(config, topics, guildId);
  } catch (error) {
    if (error instanceof DiscordAPIError) {
      const hint = error.status === 401 ? ' (check DISCORD_TOKEN)' : error.status === 403 ? ' (is the bot in that server, invited with the applications.commands scope?)' : '';
      throw new UserError(`Discord refused the command registration: ${error.status} ${error.message}${hint}`, 'discord:deploy', 1);
    }
    throw error;
  }
  const where = result.scope === 'guild' ? `in server ${result.guildId} (available now)` : 'globally (may take up to an hour to appear)';
  out.stdout(`Registered /${result.commands.join(', /')} ${where} with topics: ${topics.map((t) => t.id).join(', ')}.\n`);
  out.stdout(
    `Invite the bot: https://discord.com/oauth2/authorize?client_id=${config.applicationId}&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}\n`,
  );
}

async function runBot(opts: RunOptions, out: Output) {
  const config = discordConfig();
  const queueConfig = queueConfigFromEnv();
  const { createLogger } = await import('../../ops/logger.ts');
  const logger = createLogger(queueConfig.logLevel, 'summit-discord');
  const backend = opts.local ? await localBackend(opts, out, queueConfig.topicsFile) : await redisBackend(queueConfig);
  if (opts.local) logger.warn({}, 'in-process service (--local): subscriptions are kept in memory and no digests are posted; run `summit worker` with Redis for digests');
  const { startDiscordBot, DiscordLoginError } = await import('../../chat/discord/bot.ts');
  let bot;
  try {
    bot = await startDiscordBot({ config, service: backend.service, logger });
  } catch (error) {
    await backend.close();
    if (error instanceof DiscordLoginError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  logger.info({ signal }, 'shutting down');
  await bot.stop();
  await backend.close();
}

interface Backend {
  service: SummitService;
  close(): Promise<void>;
}

async function redisBackend(queueConfig: ReturnType<typeof queueConfigFromEnv>): Promise<Backend> {
  // Loaded on use, so `summit discord --local` and `deploy` don't pay for BullMQ.
  const { createRedisSummitService } = await import('../../app/create-redis-service.ts');
  const handle = await createRedisSummitService(queueConfig);
  return { service: handle.service, close: () => handle.close() };
}

async function localBackend(opts: RunOptions, out: Output, topicsFile: string | undefined): Promise<Backend> {
  const { loadArticleSet } = await import('../article-set.ts');
  const { loadTopics } = await import('../topics-file.ts');
  const { englishWords } = await import('../../lexicon/english-words.ts');
  const { LocalSummitService } = await import('../../app/local-service.ts');
  const { createFetcher } = await import('../../ingest/fetch/create-fetcher.ts');
  const set = await loadArticleSet(opts.articles, out.stderr);
  const topics = await loadTopics(opts.topics ?? topicsFile);
  // `source add` reads a feed or page once here (no worker polls it later).
  const fetcher = createFetcher(fetchConfigFromEnv());
  const service = new LocalSummitService([{ id: set.story, articles: set.articles }], { topics, dictionary: englishWords() }, { fetcher });
  return { service, close: async () => {} };
}
