import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TopicListSchema } from '../core/topics.ts';
import type { Topic } from '../core/types.ts';
import { UserError } from './errors.ts';

export const DEFAULT_TOPICS_FILE = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/topics/default.json',
);

/** Reads and validates a topics file (id, label, description, seed terms per topic). */
export async function loadTopics(path = DEFAULT_TOPICS_FILE): Promise<Topic[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read topics file ${path}: ${(error as Error).message}`, 'cli:topics');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`topics file ${path} is not valid JSON: ${(error as Error).message}`, 'cli:topics');
  }
  const parsed = TopicListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`topics file ${path}: ${issue?.path.join('.')}: ${issue?.message}`, 'cli:topics');
  }
  return parsed.data;
}
