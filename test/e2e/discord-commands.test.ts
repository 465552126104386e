/**
 * `/summit brief | ask | sources | help` and the briefing buttons, through the real discord.js
 * client and the local Discord peer (which rejects anything Discord would).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clickButton, runCommand } from '../peers/discord/actions.ts';
import { CALLBACK, MESSAGE_FLAG } from '../peers/discord/constants.ts';
import { asPosted, type BotHarness, briefingReply, finalReply, startBotHarness } from '../peers/discord/harness.ts';
import type { Json } from '../peers/discord/state.ts';

let h: BotHarness;
before(async () => {
  h = await startBotHarness();
});
after(async () => {
  await h?.close();
});

const embedTitles = (m: { embeds: Json[] }) => m.embeds.map((e) => e.title);
const buttons = (m: { components: Json[] }) => m.components.flatMap((row) => row.components as Json[]);

function assertNoProblems() {
  assert.deepEqual(h.peer.problems, [], 'the peer saw no protocol problems');
}

test('brief: deferred at once, then topic embeds, sources differ, footer, buttons and a linked thread', async () => {
  const interaction = runCommand(h.peer, 'brief');
  const { reply, link } = await briefingReply(h, interaction);

  assert.equal(interaction.callbackType, CALLBACK.DeferredChannelMessageWithSource, 'acknowledged with a deferred reply');
  assert.ok((interaction.callbackAt as number) - interaction.dispatchedAt < 3000, 'within Discord’s 3 seconds');
  assert.match(reply.content, /^\*\*Japan’s Prime Minister Takaichi Engages Trump on Trade and Security\*\* · 5 articles, 3 independent sources · \[full briefing\]\(https:\/\/summit\.example\/briefings\/[0-9a-f]+\)$/);
  // The overview first, then each topic followed by where sources differ on it; what no topic
  // takes comes last. What does not fit Discord's 6,000 characters continues in a second message.
  assert.deepEqual(embedTitles(reply), ['Also making news', 'Also making news: sources differ', 'Trade', 'Defence']);
  const continued = [...h.peer.messages.values()].filter((m) => m.id !== reply.id && m.embeds.some((e) => e.title === 'China'));
  assert.equal(continued.length, 1, 'one continuation message');
  assert.deepEqual(embedTitles(continued[0] as { embeds: Json[] }), ['Defence: sources differ', 'China', 'Sources differ on other points']);
  const trade = reply.embeds[2] as Json;
  assert.match(String(trade.description), /^• .*\[\d\]\(https:\/\/summit\.example\/articles\/[0-9a-f]+#s\d+\)/m, 'points carry numbered source links');
  assert.match(String(trade.description), /550 billion/);
  assert.match(String((reply.embeds[0] as Json).description), /Takaichi met US President Donald Trump on Tuesday/, 'the top line leads');
  // How well each point is backed: the independent count on a corroborated point, "copies" where
  // the numbers are one report, nothing where one article says it.
  const overview = String((reply.embeds[0] as Json).description).split('\n');
  assert.match(overview[0] as string, /Takaichi met US President Donald Trump on Tuesday.*\)\]?.* \*\(2 independent reports and 2 copies\)\*$/);
  assert.match(overview[1] as string, /\)$/, 'a one-article point has no label');
  assert.match(String(trade.description), /^• The PM is expected to pursue further relief.* \*\(1 report and 2 copies of it\)\*$/m);
  const allText = [...reply.embeds, ...(continued[0]?.embeds ?? [])].map((e) => String((e as Json).description)).join('\n');
  assert.doesNotMatch(allText, /single source/);
  assert.match(String((reply.embeds[1] as Json).description), /former President Trump/);
  assert.match(String((continued[0]?.embeds[0] as Json).description), /Tomahawk/);
  assert.match(String((continued[0]?.embeds[2] as Json).description), /state guest house/);
  const last = continued[0]?.embeds.at(-1) as Json;
  assert.deepEqual(last.footer, { text: 'summit-offline/3' });
  assert.equal(last.timestamp, '2026-01-01T08:00:00.000Z');
  assert.deepEqual(
    buttons(reply).map((b) => [b.label, b.custom_id, b.style]),
    [
      ['Trade', 'summit:topic:trade', 2],
      ['Defence', 'summit:topic:defence', 2],
      ['China', 'summit:topic:china', 2],
      ['All topics', 'summit:all', 1],
      ['Sources', 'summit:sources', 2],
    ],
  );
  assert.equal(asPosted(reply).wouldPing, false);

  const thread = h.peer.channels.get(reply.threadId as string);
  assert.equal(thread?.name, 'Questions: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security');
  assert.equal(thread?.parentId, h.peer.channelId);
  assert.equal(link.storyId, 'summit-2025');
  assert.match(String(link.briefingId), /^[0-9a-f]+$/);
  assert.ok(reply.content.includes(String(link.briefingId)), 'the full-briefing link names the same briefing');

  const order = h.peer.requests.map((r) => r.route);
  const callback = order.indexOf('POST /interactions/:id/:token/callback');
  assert.ok(callback >= 0 && callback < order.indexOf('PATCH /webhooks/:app/:token/messages/:message'), 'defer before edit');
  assertNoProblems();
});

test('brief with a topic shows that topic only and highlights its button', async () => {
  const { reply } = await briefingReply(h, runCommand(h.peer, 'brief', { topic: 'china' }));
  assert.deepEqual(embedTitles(reply), ['China'], 'a one-topic brief shows only its own disagreements (China has none)');
  assert.deepEqual(buttons(reply).filter((b) => b.style === 1).map((b) => b.label), ['China']);
  assert.equal(h.peer.channels.get(reply.threadId as string)?.name, 'Questions: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security (China)');
  assertNoProblems();
});

test('ask answers from the articles with quoted, linked sources, or says the articles do not say', async () => {
  const interaction = runCommand(h.peer, 'ask', { question: 'How much will Japan invest in US industries?' });
  const { reply: asked, link } = await briefingReply(h, interaction);
  assert.equal(h.peer.channels.get(asked.threadId as string)?.name, 'How much will Japan invest in US industries?', 'the answer opens a thread');
  assert.equal(link.storyId, 'summit-2025');
  assert.match(asked.content, /^\*\*Q:\*\* How much will Japan invest in US industries\?\n.*550 billion/s);
  const quotes = asked.embeds[0] as Json;
  assert.equal(quotes.title, 'From the articles');
  assert.match(String(quotes.description), /\[5\]\(https:\/\/summit\.example\/articles\/[0-9a-f]+#s\d+\) “[^”]*550 billion[^”]*”/);

  const none = await finalReply(h.peer, runCommand(h.peer, 'ask', { question: 'What did they say about Atlantis?' }));
  assert.match(none.content, /The articles don.t say\./);
  assert.deepEqual(none.embeds, []);
  assertNoProblems();
});

test('sources lists every article, marking rewrites of [n] and flags, with links', async () => {
  const reply = await finalReply(h.peer, runCommand(h.peer, 'sources'));
  const embed = reply.embeds[0] as Json;
  assert.equal(embed.title, 'Sources: Japan’s Prime Minister Takaichi Engages Trump on Trade and Security');
  const lines = String(embed.description).split('\n');
  assert.equal(lines.length, 5);
  // The original carries no mark; each of its rewrites names it by number.
  assert.match(lines[0] as string, /^\*\*1\.\*\* \[Japan's New PM Hopes .*\]\(https:\/\/summit\.example\/articles\/[0-9a-f]+\)$/);
  assert.match(lines[1] as string, / — rewrite of \[1\]$/);
  assert.match(lines[3] as string, / — rewrite of \[1\]$/);
  assert.doesNotMatch(lines[4] as string, /rewrite/);
  assert.match(lines[2] as string, /low information/);
  // Articles without a headline or URL are named by their first words, never by file name.
  assert.match(lines[1] as string, /^\*\*2\.\*\* \[Japan's freshly appointed leader, Sanae Takaichi, .*…\]\(/);
  for (const line of lines) assert.doesNotMatch(line, /\.txt|\d{3}_[0-9a-f]{16}/, line);
  assert.deepEqual(embed.footer, { text: '5 articles from 3 independent sources' });
  assertNoProblems();
});

test('help is a private reply listing the subcommands and topics', async () => {
  const interaction = runCommand(h.peer, 'help');
  const reply = await finalReply(h.peer, interaction);
  assert.equal(interaction.callbackType, CALLBACK.ChannelMessageWithSource);
  assert.equal(reply.flags & MESSAGE_FLAG.Ephemeral, MESSAGE_FLAG.Ephemeral, 'ephemeral');
  const text = String((reply.embeds[0] as Json).description);
  for (const sub of ['brief', 'ask', 'sources', 'subscribe', 'unsubscribe']) assert.match(text, new RegExp(`/summit ${sub}`));
  assert.match(text, /`trade` \(Trade\), `defence` \(Defence\), `china` \(China\)/);
  assertNoProblems();
});

test('topic buttons re-render the same message; Sources answers privately', async () => {
  const { reply } = await briefingReply(h, runCommand(h.peer, 'brief'));
  const versions = reply.history.length;

  const china = clickButton(h.peer, reply.id, 'summit:topic:china');
  await h.peer.waitFor(() => reply.history.length > versions && reply, 'the message edited for China');
  assert.equal(china.callbackType, CALLBACK.DeferredUpdateMessage);
  assert.deepEqual(embedTitles(reply), ['China']);
  assert.deepEqual(buttons(reply).filter((b) => b.style === 1).map((b) => b.label), ['China']);

  const all = clickButton(h.peer, reply.id, 'summit:all');
  await h.peer.waitFor(() => reply.history.length > versions + 1 && reply, 'the message edited back to all topics');
  assert.equal(all.callbackType, CALLBACK.DeferredUpdateMessage);
  // One message is edited: what does not fit is left out, with a pointer to the rest.
  assert.deepEqual(embedTitles(reply).slice(0, 4), ['Also making news', 'Also making news: sources differ', 'Trade', 'Defence']);
  assert.match(String(reply.embeds.at(-1)?.description), /^Shortened to fit Discord's limits: 3 more sections in the \[full briefing\]/);

  const trade = clickButton(h.peer, reply.id, 'summit:topic:trade');
  await h.peer.waitFor(() => reply.history.length > versions + 2 && reply, 'the message edited for Trade');
  assert.equal(trade.callbackType, CALLBACK.DeferredUpdateMessage);
  assert.deepEqual(embedTitles(reply), ['Trade'], 'a one-topic brief has no overview');
  assert.doesNotMatch(JSON.stringify(reply.embeds), /Tomahawk|state guest house/, 'no other topic’s disagreements');

  const sources = clickButton(h.peer, reply.id, 'summit:sources');
  const list = await finalReply(h.peer, sources, 'the sources reply');
  assert.equal(list.flags & MESSAGE_FLAG.Ephemeral, MESSAGE_FLAG.Ephemeral);
  assert.match(String((list.embeds[0] as Json).title), /^Sources/);
  assert.equal(h.peer.messagesIn(h.peer.channelId).filter((m) => m.id === reply.id).length, 1, 'no new briefing message');
  assertNoProblems();
});
