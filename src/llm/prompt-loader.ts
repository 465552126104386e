import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PromptFileError } from './prompt-file-error.ts';

/** The repository's prompt files. */
export const PROMPTS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../prompts');

/** Each prompt and the placeholders its template must use (checked when loading, not when calling). */
export const PROMPT_PLACEHOLDERS = {
  system: [],
  briefing: ['story', 'points_per_topic', 'words_per_point', 'data'],
  answer: ['max_sentences', 'question', 'data'],
  repair: ['review'],
} as const satisfies Record<string, readonly string[]>;

export type PromptName = keyof typeof PROMPT_PLACEHOLDERS;

export interface PromptSet {
  /** The version every file declares; part of the engine name and the cache key. */
  version: string;
  /** Short hash of all templates, so an edit without a version bump still changes the cache key. */
  contentHash: string;
  templates: Record<PromptName, string>;
}

const HEADER = /^---\nprompt: ([a-z-]+)\nversion: ([0-9]+)\n---\n/;
const PLACEHOLDER = /\{\{([a-z_]+)\}\}/g;

const cache = new Map<string, Promise<PromptSet>>();

/** Loads and checks the prompt files of a directory once; later calls share the result. */
export function loadPromptSet(dir = PROMPTS_DIR): Promise<PromptSet> {
  const key = resolve(dir);
  let loaded = cache.get(key);
  if (!loaded) {
    loaded = readPromptSet(key);
    cache.set(key, loaded);
    loaded.catch(() => cache.delete(key)); // a fixed file can be loaded on the next call
  }
  return loaded;
}

async function readPromptSet(dir: string): Promise<PromptSet> {
  const names = Object.keys(PROMPT_PLACEHOLDERS) as PromptName[];
  const files = await Promise.all(names.map((name) => readPromptFile(dir, name)));
  const versions = new Set(files.map((f) => f.version));
  if (versions.size !== 1) {
    const list = files.map((f, i) => `${names[i]}.md v${f.version}`).join(', ');
    throw new PromptFileError(dir, `prompt files declare different versions (${list}); bump them together`);
  }
  const templates = Object.fromEntries(names.map((name, i) => [name, files[i]?.template])) as Record<
    PromptName,
    string
  >;
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\u0000').update(templates[name]).update('\u0000');
  return { version: files[0]?.version ?? '', contentHash: hash.digest('hex').slice(0, 8), templates };
}

async function readPromptFile(dir: string, name: PromptName): Promise<{ version: string; template: string }> {
  const path = join(dir, `${name}.md`);
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).replace(/\r\n/g, '\n');
  } catch (error) {
    throw new PromptFileError(path, `cannot read: ${(error as Error).message}`);
  }
  const header = HEADER.exec(text);
  if (!header) throw new PromptFileError(path, 'missing header "---\\nprompt: <name>\\nversion: <n>\\n---"');
  if (header[1] !== name) throw new PromptFileError(path, `header names prompt "${header[1]}", expected "${name}"`);
  const template = text.slice(header[0].length).trim();
  const used = new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string));
  const expected = new Set<string>(PROMPT_PLACEHOLDERS[name]);
  const unknown = [...used].filter((p) => !expected.has(p));
  const missing = [...expected].filter((p) => !used.has(p));
  if (unknown.length > 0) throw new PromptFileError(path, `unknown placeholders: ${unknown.join(', ')}`);
  if (missing.length > 0) throw new PromptFileError(path, `missing placeholders: ${missing.join(', ')}`);
  return { version: header[2] as string, template };
}

/** Replaces every {{placeholder}}; the loader has already checked the names match. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PromptFileError('(template)', `no value for placeholder {{${name}}}`);
    return value;
  });
}
