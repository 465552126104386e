import { readFile } from 'node:fs/promises';
import { TopicListSchema } from '../core/topics.ts';
import type { Topic } from '../core/types.ts';
import { DEFAULT_TOPICS_FILE } from './bundled-data.ts';

/** A topics file that cannot be read or is not a valid topic list; the message names the file. */
export class TopicsFileError extends Error {
  readonly code = 'topics:invalid';

  constructor(message: string) {
    super(message);
    this.name = 'TopicsFileError';
  }
}

/** Reads and validates a topics file (id, label, description, seed terms per topic). */
export async function readTopicsFile(path = DEFAULT_TOPICS_FILE): Promise<Topic[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new TopicsFileError(`cannot read topics file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TopicsFileError(`topics file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = TopicListSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TopicsFileError(`topics file ${path}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
