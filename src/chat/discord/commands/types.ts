import type {
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { DiscordContext } from '../context.ts';

export type TopicChoice = { id: string; label: string };

/** A slash command as data (what deploy registers) plus what runs when it is used. */
export interface DiscordCommand {
  name: string;
  data(topics: TopicChoice[]): RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void>;
}

/** One `/summit <name>` subcommand: its options and its handler. */
export interface SummitSubcommand {
  name: string;
  define(builder: SlashCommandSubcommandBuilder, topics: TopicChoice[]): SlashCommandSubcommandBuilder;
  execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void>;
}
