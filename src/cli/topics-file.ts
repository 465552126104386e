import type { Topic } from '../core/types.ts';
import { readTopicsFile, TopicsFileError } from '../ingest/topics-file.ts';
import { UserError } from './errors.ts';

export { DEFAULT_TOPICS_FILE } from '../ingest/bundled-data.ts';

/** The topics file for a command: a bad file is a UserError naming it. */
export async function loadTopics(path?: string): Promise<Topic[]> {
  try {
    return await readTopicsFile(path);
  } catch (error) {
    if (error instanceof TopicsFileError) throw new UserError(error.message, 'cli:topics');
    throw error;
  }
}
