import type { CliCommand } from '../command.ts';
import { askCommand } from './ask.ts';
import { briefCommand } from './brief.ts';
import { discordCommand } from './discord.ts';
import { ingestCommand } from './ingest.ts';
import { slackCommand } from './slack.ts';
import { storyCommand } from './story.ts';
import { webCommand } from './web.ts';
import { workerCommand } from './worker.ts';

/** Every `summit` subcommand. Each adapter adds its own line here. */
export const COMMANDS: CliCommand[] = [briefCommand, askCommand, workerCommand, ingestCommand, discordCommand, slackCommand, webCommand, storyCommand];
