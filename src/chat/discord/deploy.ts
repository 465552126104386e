import { REST, Routes } from 'discord.js';
import type { DiscordConfig } from '../../config/discord.ts';
import { summitCommand } from './commands/summit.ts';
import type { TopicChoice } from './commands/types.ts';

export interface DeployResult {
  scope: 'guild' | 'global';
  guildId?: string;
  commands: string[];
}

/**
 * Registers /summit with Discord. Guild commands appear at once (use them while testing);
 * global ones reach every server the bot is in. PUT replaces the application's command list in
 * that scope, which is what makes a deploy repeatable.
 */
export async function deployCommands(
  config: Pick<DiscordConfig, 'token' | 'applicationId' | 'apiUrl'>,
  topics: TopicChoice[],
  guildId?: string,
): Promise<DeployResult> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token);
  const body = [summitCommand.data(topics)];
  const route = guildId ? Routes.applicationGuildCommands(config.applicationId, guildId) : Routes.applicationCommands(config.applicationId);
  const registered = (await rest.put(route, { body })) as { name: string }[];
  return { scope: guildId ? 'guild' : 'global', ...(guildId ? { guildId } : {}), commands: registered.map((c) => c.name) };
}
