import { sourceId } from '../core/ports/source-repository.ts';
import { InvalidSourceError } from './errors.ts';
import { checkKeywords, checkSourceUrl, MAX_SOURCES_PER_STORY } from './source-input.ts';

/** What both services check before following a source; bad input is an InvalidSourceError. */
export function checkAddRequest(request: { storyId: string; url: string; keywords: readonly string[] }): { id: string; url: string; keywords: string[] } {
  const url = checkSourceUrl(request.url);
  if (!url.ok) throw new InvalidSourceError(url.error);
  const keywords = checkKeywords(request.keywords);
  if (!keywords.ok) throw new InvalidSourceError(keywords.error);
  return { id: sourceId(request.storyId, url.value), url: url.value, keywords: keywords.value };
}

/** Refuses a new source once the story follows MAX_SOURCES_PER_STORY. */
export function checkRoomForSource(storyId: string, followed: number): void {
  if (followed >= MAX_SOURCES_PER_STORY) {
    throw new InvalidSourceError(`story "${storyId}" already follows ${MAX_SOURCES_PER_STORY} sources; remove one first`);
  }
}

/** The id of the story's source at an address as typed; a bad address is an InvalidSourceError. */
export function sourceIdFor(storyId: string, address: string): string {
  const url = checkSourceUrl(address);
  if (!url.ok) throw new InvalidSourceError(url.error);
  return sourceId(storyId, url.value);
}
