import type { Client, REST } from 'discord.js';
import type { SummitService } from '../../app/summit-service.ts';

/** The logging summit's adapters need; a pino logger fits. */
export interface DiscordLogger {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface DiscordSettings {
  publicBaseUrl?: string;
  adminRoleId?: string;
  /** The Message Content intent is on: answer every message in a briefing thread, not only mentions. */
  messageContent: boolean;
}

/** Everything a handler needs, built once when the bot starts and passed to every handler. */
export interface DiscordContext {
  service: SummitService;
  client: Client;
  rest: REST;
  settings: DiscordSettings;
  logger: DiscordLogger;
  /** Clock (ms since epoch); injected so the 15-minute interaction token can be tested. */
  now: () => number;
}
