import { DiscordAPIError, HTTPError, RESTJSONErrorCodes } from 'discord.js';
import { ChannelUnavailableError } from '../../app/delivery-errors.ts';

/** Discord errors meaning a person must fix the channel; retrying cannot help until then. */
const NEEDS_ATTENTION: Partial<Record<number, { platformCode: string; hint: string }>> = {
  [RESTJSONErrorCodes.MissingAccess]: {
    platformCode: 'missing_access',
    hint: 'the bot cannot see this channel: add it to the server or grant it View Channel',
  },
  [RESTJSONErrorCodes.UnknownChannel]: { platformCode: 'unknown_channel', hint: 'the channel was deleted' },
  [RESTJSONErrorCodes.MissingPermissions]: {
    platformCode: 'missing_permissions',
    hint: 'grant the bot Send Messages, Embed Links, Create Public Threads and Send Messages in Threads here',
  },
};

/**
 * The channel is gone or closed to the bot (Missing Access 50001, Unknown Channel 10003,
 * Missing Permissions 50013): the delivery job flags the subscription, keeps it, and does not
 * retry. `platformCode` names the case (`missing_access`, …), `discordCode` is Discord's number.
 */
export class DiscordChannelUnavailableError extends ChannelUnavailableError {
  readonly discordCode: number;
  readonly channelId: string;

  constructor(discordCode: number, platformCode: string, channelId: string, message: string, options: ErrorOptions) {
    super(platformCode, message, options);
    this.name = 'DiscordChannelUnavailableError';
    this.discordCode = discordCode;
    this.channelId = channelId;
  }
}

/**
 * Any other failed post. `discord:unavailable`: Discord kept failing (5xx or network) after
 * discord.js's own retries — worth retrying later. `discord:rejected`: Discord refused the
 * request itself (a 4xx other than the above), which a retry will not change.
 */
export class DiscordDeliveryError extends Error {
  readonly code: 'discord:unavailable' | 'discord:rejected';
  readonly channelId: string;

  constructor(code: DiscordDeliveryError['code'], channelId: string, message: string, options: ErrorOptions) {
    super(message, options);
    this.name = 'DiscordDeliveryError';
    this.code = code;
    this.channelId = channelId;
  }
}

/** Classifies what discord.js threw while posting to a channel. */
export function deliveryError(error: unknown, channelId: string): DiscordChannelUnavailableError | DiscordDeliveryError {
  if (error instanceof DiscordChannelUnavailableError || error instanceof DiscordDeliveryError) return error;
  const where = `Discord channel ${channelId}`;
  if (error instanceof DiscordAPIError) {
    const known = typeof error.code === 'number' ? NEEDS_ATTENTION[error.code] : undefined;
    if (known && typeof error.code === 'number') {
      return new DiscordChannelUnavailableError(error.code, known.platformCode, channelId, `${where}: ${known.hint} (Discord ${error.code} ${error.message})`, { cause: error });
    }
    if (error.status >= 500) return new DiscordDeliveryError('discord:unavailable', channelId, `${where}: Discord answered ${error.status}`, { cause: error });
    return new DiscordDeliveryError('discord:rejected', channelId, `${where}: Discord rejected the message (${error.status}, code ${error.code}: ${error.message})`, { cause: error });
  }
  if (error instanceof HTTPError) {
    return new DiscordDeliveryError('discord:unavailable', channelId, `${where}: Discord answered ${error.status} after retries`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DiscordDeliveryError('discord:unavailable', channelId, `${where}: could not reach Discord (${message})`, { cause: error });
}

/** True for the API error codes given (discord.js DiscordAPIError). */
export function isDiscordError(error: unknown, ...codes: number[]): error is DiscordAPIError {
  return error instanceof DiscordAPIError && typeof error.code === 'number' && codes.includes(error.code);
}
