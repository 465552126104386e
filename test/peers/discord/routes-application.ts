import { missingAccess, invalidForm } from './errors.ts';
import type { RouteHandler } from './routes.ts';
import type { Json } from './state.ts';
import { validateCommands } from './validate-commands.ts';

/** GET /gateway/bot — where the gateway is; discord.js connects to `url` with ?v=10&encoding=json. */
export const gatewayBot: RouteHandler = (peer) => ({
  status: 200,
  body: {
    url: peer.gatewayUrl,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
  },
});

/** PUT /applications/:app/commands and /applications/:app/guilds/:guild/commands — bulk overwrite. */
export const putCommands: RouteHandler = (peer, { params, body }) => {
  if (params.app !== peer.applicationId) throw missingAccess();
  if (params.guild !== undefined && params.guild !== peer.guildId) throw missingAccess();
  const problems = validateCommands(body);
  if (problems.length > 0) {
    peer.problem(`command registration rejected: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
    throw invalidForm(problems);
  }
  const scope = params.guild;
  for (let i = peer.commands.length - 1; i >= 0; i--) if (peer.commands[i]?.guildId === scope) peer.commands.splice(i, 1);
  const registered = (body as Json[]).map((json) => {
    const command = { id: peer.nextId(), ...(scope ? { guildId: scope } : {}), json };
    peer.commands.push(command);
    return {
      id: command.id,
      application_id: peer.applicationId,
      version: peer.nextId(),
      type: 1,
      default_member_permissions: null,
      nsfw: false,
      integration_types: [0],
      ...json,
      ...(scope ? { guild_id: scope } : {}),
    };
  });
  return { status: 200, body: registered };
};
