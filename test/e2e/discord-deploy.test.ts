/**
 * Registering /summit (the deploy module and `summit discord deploy`), and `summit discord`
 * itself as a process: the peer checks the command JSON against Discord's rules.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { test } from 'node:test';
import { deployCommands } from '../../src/chat/discord/deploy.ts';
import { loadDiscordConfig } from '../../src/config/discord.ts';
import { REPO } from '../helpers/cli.ts';
import { runCommand } from '../peers/discord/actions.ts';
import { finalReply } from '../peers/discord/harness.ts';
import { DiscordPeer } from '../peers/discord/peer.ts';
import type { Json } from '../peers/discord/state.ts';

function configFor(peer: DiscordPeer) {
  return loadDiscordConfig({ DISCORD_TOKEN: peer.token, DISCORD_APPLICATION_ID: peer.applicationId, DISCORD_API_URL: peer.apiUrl });
}

function envFor(peer: DiscordPeer, extra: Record<string, string> = {}) {
  // The developer's own Discord settings must not leak into the child.
  const rest = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('DISCORD_')));
  return { ...rest, DISCORD_TOKEN: peer.token, DISCORD_APPLICATION_ID: peer.applicationId, DISCORD_API_URL: peer.apiUrl, LOG_LEVEL: 'warn', ...extra };
}

/** Runs `summit …` without blocking this process (the peer must keep answering). */
function summit(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<{ code: number | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['bin/summit.js', ...args], { cwd: REPO, env });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  const done = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { child, done };
}

test('deploy registers /summit with its subcommands, the source and story groups, topic and story as free text, to a guild or globally', async () => {
  const peer = await DiscordPeer.start();
  try {
    const topics = [
      { id: 'trade', label: 'Trade' },
      { id: 'defence', label: 'Defence' },
    ];
    const guild = await deployCommands(configFor(peer), topics, peer.guildId);
    assert.deepEqual(guild, { scope: 'guild', guildId: peer.guildId, commands: ['summit'] });
    const [command] = peer.commands;
    assert.equal(command?.guildId, peer.guildId);
    const json = command?.json as Json;
    assert.deepEqual(json.contexts, [0], 'servers only');
    const subs = json.options as Json[];
    assert.deepEqual(subs.map((s) => s.name), ['brief', 'ask', 'sources', 'stories', 'follow', 'topics', 'subscribe', 'unsubscribe', 'help', 'source', 'story']);
    const source = subs[9] as Json;
    assert.equal(source.type, 2, 'a subcommand group');
    assert.deepEqual((source.options as Json[]).map((s) => s.name), ['add', 'list', 'remove']);
    const story = subs[10] as Json;
    assert.equal(story.type, 2, 'a subcommand group');
    assert.deepEqual((story.options as Json[]).map((s) => s.name), ['new', 'rename', 'archive']);
    // Every story has topics of its own, so `topic` is free text checked on use, not the deployment's choices.
    const brief = (subs[0] as Json).options as Json[];
    assert.deepEqual(brief.map((o) => [o.name, o.choices ?? 'free text']), [['topic', 'free text'], ['story', 'free text']]);
    assert.deepEqual(((subs[4] as Json).options as Json[]).map((o) => [o.name, o.required]), [['story', true]]);
    const subscribe = (subs[6] as Json).options as Json[];
    assert.deepEqual(subscribe.map((o) => [o.name, o.required ?? false]), [['time', true], ['timezone', false], ['topics', false]]);

    const global = await deployCommands(configFor(peer), topics);
    assert.equal(global.scope, 'global');
    assert.equal(peer.commands.filter((c) => !c.guildId).length, 1);
    await deployCommands(configFor(peer), topics);
    assert.equal(peer.commands.filter((c) => !c.guildId).length, 1, 'a repeated deploy replaces, never duplicates');
    assert.deepEqual(peer.problems, []);
  } finally {
    await peer.close();
  }
});

test('`summit discord deploy --guild` registers the command and prints the invite link', async () => {
  const peer = await DiscordPeer.start();
  try {
    const { code, stdout, stderr } = await summit(['discord', 'deploy', '--guild', peer.guildId], envFor(peer)).done;
    assert.equal(code, 0, stderr);
    assert.match(stdout, new RegExp(`Registered /summit in server ${peer.guildId} \\(available now\\) with topics: trade, defence, china\\.`));
    assert.match(stdout, new RegExp(`client_id=${peer.applicationId}&scope=bot\\+applications\\.commands&permissions=\\d+`));
    assert.equal(peer.commands[0]?.guildId, peer.guildId);

    const bad = await summit(['discord', 'deploy', '--guild', 'general'], envFor(peer)).done;
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--guild: "general" is not a Discord server id/);

    const wrongToken = await summit(['discord', 'deploy'], envFor(peer, { DISCORD_TOKEN: 'not-the-token-of-this-bot' })).done;
    assert.equal(wrongToken.code, 1);
    assert.match(wrongToken.stderr, /Discord refused the command registration: 401 .*check DISCORD_TOKEN/);
  } finally {
    await peer.close();
  }
});

test('`summit discord` names every missing or bad variable', async () => {
  const { code, stderr } = await summit(['discord', '--local'], { PATH: process.env.PATH, DISCORD_APPLICATION_ID: 'abc', DISCORD_API_URL: 'https://discord.com/api/v10' }).done;
  assert.equal(code, 1);
  assert.match(stderr, /DISCORD_TOKEN: required/);
  assert.match(stderr, /DISCORD_APPLICATION_ID: must be a Discord application id/);
  assert.match(stderr, /DISCORD_API_URL: leave out the API version/);
});

test('`summit discord --local` runs the bot from the environment until SIGTERM', async () => {
  const peer = await DiscordPeer.start();
  const { child, done } = summit(['discord', '--local', '--articles', 'test/fixtures/hostile'], envFor(peer, { PUBLIC_BASE_URL: 'https://summit.example', LOG_LEVEL: 'info' }));
  try {
    await deployCommands(configFor(peer), [{ id: 'trade', label: 'Trade' }], peer.guildId);
    await peer.waitFor(() => peer.gateway.sessions.some((s) => s.identified), 'the bot to identify', 20_000);
    const reply = await finalReply(peer, runCommand(peer, 'brief', { topic: 'trade' }));
    assert.match(reply.content, /^\*\*hostile\*\* · 2 articles/);
    assert.match(String(reply.embeds[0]?.description), /12,000 factory jobs/);
  } finally {
    child.kill('SIGTERM');
    const { code, stdout } = await done;
    await peer.close();
    assert.equal(code, 0, stdout);
    assert.match(stdout, /"msg":"shutting down"/);
    assert.match(stdout, /no digests are posted/);
  }
});
