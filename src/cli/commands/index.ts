import type { CliCommand } from '../command.ts';
import { askCommand } from './ask.ts';
import { briefCommand } from './brief.ts';

/** Every `summit` subcommand. Each adapter adds its own line here. */
export const COMMANDS: CliCommand[] = [briefCommand, askCommand];
