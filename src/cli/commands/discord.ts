import type { SummitService } from '../../app/summit-service.ts';
import { loadDiscordConfig } from '../../config/discord.ts';
import type { QueueConfig } from '../../config/queue.ts';
import type { CliCommand, Output } from '../command.ts';
import { UserError } from '../errors.ts';
import { nextSignal } from '../signals.ts';
import { type ChatRunOptions, LOCAL_WARNING, localService, withLocalOptions } from './chat-process.ts';
import { asUserError, queueConfigFromEnv } from './queue-config.ts';

/** `summit discord` (the bot) and `summit discord deploy` (register /summit). */
export const discordCommand: CliCommand = {
  register(program, out) {
    const discord = withLocalOptions(
      program
        .command('discord')
        .description('run the Discord bot (DISCORD_TOKEN, DISCORD_APPLICATION_ID, …); briefings and digests come from the queue worker'),
    ).action((opts: ChatRunOptions) => runBot(opts, out));
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

const discordConfig = () => asUserError(() => loadDiscordConfig(process.env));

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

async function runBot(opts: ChatRunOptions, out: Output) {
  const config = discordConfig();
  const queueConfig = queueConfigFromEnv();
  const { createLogger } = await import('../../ops/logger.ts');
  const logger = createLogger(queueConfig.logLevel, 'summit-discord');
  const backend = opts.local
    ? { service: await localService(opts, out, queueConfig.topicsFile), close: async () => {} }
    : await redisBackend(queueConfig);
  if (opts.local) logger.warn({}, LOCAL_WARNING);
  const { startDiscordBot, DiscordLoginError } = await import('../../chat/discord/bot.ts');
  let bot;
  try {
    bot = await startDiscordBot({ config, service: backend.service, logger });
  } catch (error) {
    await backend.close();
    if (error instanceof DiscordLoginError) throw new UserError(error.message, error.code, 1);
    throw error;
  }
  const signal = await nextSignal();
  logger.info({ signal }, 'shutting down');
  await bot.stop();
  await backend.close();
}

async function redisBackend(queueConfig: QueueConfig): Promise<{ service: SummitService; close(): Promise<void> }> {
  // Loaded on use, so `summit discord --local` and `deploy` don't pay for BullMQ.
  const { createRedisSummitService } = await import('../../app/create-redis-service.ts');
  const handle = await createRedisSummitService(queueConfig);
  return { service: handle.service, close: () => handle.close() };
}
