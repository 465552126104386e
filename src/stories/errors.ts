/** Errors of story commands; messages are written for the person in chat (codes `story:*`). */

/** No story by that name that this workspace may use: unknown, archived, or another workspace's (the same words for all three). */
export class StoryNotFoundError extends Error {
  readonly code = 'story:not-found';

  constructor(ref: string) {
    super(`there is no story “${ref.slice(0, 80)}” here; \`/summit stories\` lists this workspace’s stories`);
    this.name = 'StoryNotFoundError';
  }
}

/** A story exists but has no articles yet. */
export class EmptyStoryError extends Error {
  readonly code = 'story:empty';

  constructor(storyId: string) {
    super(`the story “${storyId}” has no articles yet; add a feed or page with \`/summit source add <url>\` (or \`summit ingest --story ${storyId}\`)`);
    this.name = 'EmptyStoryError';
  }
}

/** Bad input to a story command (title, topics), or a change chat may not make (a shared story). */
export class StoryInputError extends Error {
  readonly code = 'story:invalid';

  constructor(message: string) {
    super(message);
    this.name = 'StoryInputError';
  }
}
