import { FetchError } from '../ingest/fetch/errors.ts';
import { FeedParseError } from '../ingest/feeds/parse-feed.ts';
import { PageError } from '../ingest/pages/errors.ts';

/** Why a source could not be read (as opposed to a store or programming error, which is thrown on). */
export type SourceReadError = FetchError | FeedParseError | PageError;

export function isSourceReadError(error: unknown): error is SourceReadError {
  return error instanceof FetchError || error instanceof FeedParseError || error instanceof PageError;
}

/** A source request that cannot be carried out as given; the message is written for the person in chat. */
export class InvalidSourceError extends Error {
  readonly code = 'source:invalid';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidSourceError';
  }
}

/** This summit process has no way to poll sources (the in-process service without a fetcher). */
export class SourcesUnavailableError extends Error {
  readonly code = 'source:unavailable';

  constructor() {
    super('sources are polled by the summit worker, and this summit runs without one; add sources where the worker runs');
    this.name = 'SourcesUnavailableError';
  }
}
