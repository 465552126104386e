import { StoryInputError } from './errors.ts';

export const STORY_ID = /^[A-Za-z0-9_.-]{1,64}$/;
const TITLE_MAX = 100;

/** A display title as typed: one line, trimmed, 1–100 characters. */
export function checkTitle(raw: string): string {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title) throw new StoryInputError('a story needs a title, e.g. `/summit story new Dutch election`');
  if ([...title].length > TITLE_MAX) throw new StoryInputError(`a story title is at most ${TITLE_MAX} characters`);
  return title;
}

/** The id a new story with this title gets: its words in lower case, accents dropped, joined by "-". */
export function storyIdFromTitle(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'story';
}

/** `base`, else `base-2`, `base-3`, … : the first the `taken` check lets through. */
export function* candidateIds(base: string): Generator<string> {
  yield base;
  for (let n = 2; n < 1000; n++) yield `${base}-${n}`;
}
