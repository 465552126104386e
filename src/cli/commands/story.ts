import type { StoryOwner, StoryRecord } from '../../core/ports/story-repository.ts';
import type { CliCommand, Output } from '../command.ts';
import { UserError } from '../errors.ts';
import { openStoryStore, type StoryStore } from '../story-store.ts';
import { loadTopics } from '../topics-file.ts';

/** `summit story list|new|show|topics`: stories as records in the Redis store, as chat sees them. */
export const storyCommand: CliCommand = {
  register(program, out) {
    const story = program.command('story').description('list, create and change stories (in the Redis store: REDIS_URL)');
    story
      .command('list')
      .description('every story: id, title, owner, articles, last update, topics')
      .action(() => withStore(out, (s) => list(s, out)));
    story
      .command('new')
      .description('create a story (shared by every workspace unless --owner)')
      .argument('<title>', 'display title')
      .option('--id <id>', 'story id (default: from the title)')
      .option('--topics <file>', 'topics JSON file (default: TOPICS_FILE, i.e. trade, defence, China)')
      .option('--owner <platform:id>', 'the workspace or guild that owns it, e.g. slack:T0123 or discord:81234')
      .action((title: string, opts: { id?: string; topics?: string; owner?: string }) =>
        withStore(out, async (s) => {
          const owner = opts.owner === undefined ? undefined : parseOwner(opts.owner);
          const topics = opts.topics ? await loadTopics(opts.topics) : undefined;
          const record = await s.directory.create({
            title,
            createdBy: 'cli',
            ...(owner ? { owner } : {}),
            ...(topics ? { topics } : {}),
            ...(opts.id ? { id: opts.id } : {}),
          });
          out.stdout(`${record.id}: created “${record.title}” (${ownerName(record)}), topics ${record.topics.map((t) => t.id).join(', ')}\n`);
        }),
      );
    story
      .command('show')
      .description('one story: title, owner, topics with their terms, sources, articles')
      .argument('<id>', 'story id')
      .action((id: string) => withStore(out, (s) => show(s, id, out)));
    story
      .command('topics')
      .description("set a story's topics from a topics JSON file")
      .argument('<id>', 'story id')
      .argument('<file>', 'topics JSON file ([{ "id", "label", "description", "terms" }])')
      .action((id: string, file: string) =>
        withStore(out, async (s) => {
          const record = await s.directory.setTopics(undefined, id, await loadTopics(file));
          out.stdout(`${record.id}: topics ${record.topics.map((t) => t.id).join(', ')}\n`);
        }),
      );
    for (const sub of story.commands) sub.exitOverride().configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  },
};

async function withStore(out: Output, work: (store: StoryStore) => Promise<void>): Promise<void> {
  const store = await openStoryStore();
  try {
    await work(store);
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && code.startsWith('story:') && error instanceof Error) throw new UserError(error.message.replace(/`/g, ''), code);
    throw error;
  } finally {
    await store.close();
  }
}

async function list(store: StoryStore, out: Output) {
  const rows = await store.directory.list(undefined);
  const archived = (await store.stores.stories.all()).filter((r) => r.archivedAt);
  for (const { story, articles, updatedAt } of rows) {
    out.stdout(`${story.id}\t${story.title}\t${ownerName(story)}\t${articles} article(s)\t${updatedAt ? `updated ${updatedAt}` : 'never updated'}\ttopics ${story.topics.map((t) => t.id).join(', ')}\n`);
  }
  for (const story of archived) out.stdout(`${story.id}\t${story.title}\t${ownerName(story)}\tarchived ${story.archivedAt}\n`);
}

async function show(store: StoryStore, id: string, out: Output) {
  const record = await store.directory.record(id);
  const articles = await store.stores.articles.count(id);
  if (!record && articles === 0) throw new UserError(`unknown story "${id}"; \`summit story list\` lists them`, 'cli:story');
  const topics = record?.topics ?? store.topics;
  const sources = await store.stores.sources.forStory(id);
  const updatedAt = await store.stores.articles.lastAddedAt(id);
  const lines = [
    `${id}: ${record?.title ?? '(no record: made by summit ingest alone)'}`,
    `owner: ${record ? ownerName(record) : 'shared'}${record?.archivedAt ? ` · archived ${record.archivedAt}` : ''}`,
    ...(record?.createdAt ? [`created by ${record.createdBy} at ${record.createdAt}`] : []),
    `articles: ${articles}${updatedAt ? ` · last added ${updatedAt}` : ''}`,
    'topics:',
    ...topics.map((t) => `  ${t.id} (${t.label}): ${t.terms.join(', ')}`),
    `sources: ${sources.length === 0 ? 'none' : ''}`,
    ...sources.map((r) => `  ${r.source.url} (${r.state.status}, ${r.state.articlesAdded} article(s) added)`),
  ];
  out.stdout(`${lines.join('\n')}\n`);
}

function parseOwner(text: string): StoryOwner {
  const match = /^(slack|discord):([A-Za-z0-9]{1,32})$/.exec(text.trim());
  if (!match) throw new UserError(`--owner must be slack:<team id> or discord:<guild id>, not "${text}"`, 'cli:usage', 2);
  return { platform: match[1] as StoryOwner['platform'], workspaceId: match[2] as string };
}

function ownerName(record: StoryRecord): string {
  return record.owner ? `${record.owner.platform}:${record.owner.workspaceId}` : 'shared';
}
