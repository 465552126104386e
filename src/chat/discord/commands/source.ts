import { type ChatInputCommandInteraction, MessageFlags, type SlashCommandSubcommandGroupBuilder } from 'discord.js';
import type { SourceRecord } from '../../../core/ports/source-repository.ts';
import { sourceStatus } from '../../../sources/describe.ts';
import { checkSourceUrl, parseSourceAdd } from '../../../sources/source-input.ts';
import type { DiscordContext } from '../context.ts';
import { canManageSubscriptions } from '../permissions.ts';
import { absoluteUrl, maskedLink } from '../render/links.ts';
import { inertText, truncate } from '../render/text.ts';
import { tellPrivately } from '../private-reply.ts';
import { storyForChannel } from '../story.ts';
import { channelOf } from './channel.ts';

export const SOURCE_REFUSAL = 'Only members with **Manage Channels** (or the summit admin role) can change the feeds and pages summit follows.';

/** Sources listed in one embed: well inside Discord's 4,096-character description. */
const SHOWN = 15;

/** `/summit source add|list|remove`: a subcommand group (Discord nests subcommands one level in groups). */
export const sourceGroup = {
  name: 'source',
  define: (group: SlashCommandSubcommandGroupBuilder) =>
    group
      .setName('source')
      .setDescription('Feeds and article pages this story follows')
      .addSubcommand((b) =>
        b
          .setName('add')
          .setDescription('Follow an RSS/Atom feed or article page (needs Manage Channels)')
          .addStringOption((o) => o.setName('url').setDescription('https:// address of the feed or page').setRequired(true).setMaxLength(2000))
          .addStringOption((o) => o.setName('keywords').setDescription('Keep only articles mentioning one of these, e.g. steel "trade deal" tariff*').setMaxLength(500)),
      )
      .addSubcommand((b) => b.setName('list').setDescription('What this story follows and how each source is doing'))
      .addSubcommand((b) =>
        b
          .setName('remove')
          .setDescription('Stop following a feed or page (needs Manage Channels)')
          .addStringOption((o) => o.setName('url').setDescription('The address as listed by /summit source list').setRequired(true).setMaxLength(2000)),
      ),
  async execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext) {
    const action = interaction.options.getSubcommand(true);
    if (action === 'list') return list(interaction, ctx);
    if (!interaction.inGuild() || !canManageSubscriptions(interaction, ctx.settings.adminRoleId)) return privately(interaction, SOURCE_REFUSAL);
    if (action === 'add') return add(interaction, ctx);
    if (action === 'remove') return remove(interaction, ctx);
    return privately(interaction, `Unknown subcommand “source ${inertText(action)}”; run \`summit discord deploy\` to refresh /summit.`);
  },
};

async function add(interaction: ChatInputCommandInteraction, ctx: DiscordContext) {
  const parsed = parseSourceAdd(`${interaction.options.getString('url', true)} ${interaction.options.getString('keywords') ?? ''}`);
  if (!parsed.ok) return privately(interaction, sentence(parsed.error));
  await interaction.deferReply();
  const storyId = await storyOf(interaction, ctx);
  const { url, keywords } = parsed.value;
  try {
    const { created } = await ctx.service.addSource({ storyId, url, keywords, addedBy: `discord:${interaction.user.id}` });
    const filter = keywords.length > 0 ? `, keeping articles that mention ${keywords.map((k) => `“${inertText(k)}”`).join(', ')}` : '';
    await edit(
      interaction,
      `${created ? 'Now following' : 'Updated'} ${link(url)} for **${truncate(inertText(storyId), 200)}**${filter}. ` +
        'It is read now and then on a schedule; `/summit source list` shows how it is doing.',
    );
  } catch (error) {
    await failed(interaction, ctx, error);
  }
}

async function remove(interaction: ChatInputCommandInteraction, ctx: DiscordContext) {
  const url = checkSourceUrl(interaction.options.getString('url', true));
  if (!url.ok) return privately(interaction, sentence(url.error));
  await interaction.deferReply();
  const storyId = await storyOf(interaction, ctx);
  try {
    const removed = await ctx.service.removeSource(storyId, url.value);
    await edit(
      interaction,
      removed
        ? `Stopped following ${link(url.value)} for **${truncate(inertText(storyId), 200)}**. Articles it brought stay in the story.`
        : `**${truncate(inertText(storyId), 200)}** does not follow ${link(url.value)}. \`/summit source list\` shows what it follows.`,
    );
  } catch (error) {
    await failed(interaction, ctx, error);
  }
}

async function list(interaction: ChatInputCommandInteraction, ctx: DiscordContext) {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const storyId = await storyOf(interaction, ctx);
  const records = await ctx.service.listSources(storyId);
  const story = truncate(inertText(storyId), 200);
  if (records.length === 0) {
    return edit(interaction, `**${story}** follows no feeds or pages yet. Members with Manage Channels add one with \`/summit source add\`.`);
  }
  const lines = records.slice(0, SHOWN).map((r) => line(r, new Date(ctx.now())));
  if (records.length > SHOWN) lines.push(`… and ${records.length - SHOWN} more.`);
  await interaction.editReply({
    embeds: [{ title: truncate(`${storyId}: ${records.length} source${records.length === 1 ? '' : 's'}`, 256), description: truncate(lines.join('\n'), 4096), color: 0x2b6cb0 }],
    allowedMentions: { parse: [] },
  });
}

function line(record: SourceRecord, now: Date): string {
  const icon = record.state.status === 'failing' ? '⚠️' : record.state.status === 'ok' ? '✅' : '⏳';
  const keywords = record.source.keywords.length > 0 ? ` — keywords: ${record.source.keywords.map((k) => `“${inertText(k)}”`).join(', ')}` : '';
  return `${icon} ${link(record.source.url)}${keywords}\n   ${truncate(inertText(sourceStatus(record, now)), 250)}`;
}

/** A clickable link whose label cannot be auto-linked or formatted. */
function link(url: string): string {
  const target = absoluteUrl(url);
  const label = truncate(inertText(url), 100);
  return target ? maskedLink(label, target) : label;
}

function storyOf(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<string> {
  const { channelId, parentId } = channelOf(interaction);
  return storyForChannel(ctx, interaction.guildId, channelId, parentId);
}

/** Source errors are written for the person; anything else is rethrown to the interaction's handler (logged, generic message). */
async function failed(interaction: ChatInputCommandInteraction, ctx: DiscordContext, error: unknown) {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('source:') && error instanceof Error) {
    ctx.logger.info({ code, interactionId: interaction.id }, 'source request refused');
    return tellPrivately(interaction, sentence(error.message));
  }
  throw error;
}

async function privately(interaction: ChatInputCommandInteraction, content: string) {
  await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
}

async function edit(interaction: ChatInputCommandInteraction, content: string) {
  await interaction.editReply({ content: truncate(content, 2000), allowedMentions: { parse: [] } });
}

function sentence(text: string): string {
  const plain = inertText(text);
  return `${plain.charAt(0).toUpperCase()}${plain.slice(1)}.`;
}
