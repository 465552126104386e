/** A page was fetched but holds no article text (an index page, a paywall stub, an app shell). */
export class PageError extends Error {
  readonly code = 'page:no-text';
  readonly url: string;

  constructor(url: string, reason: string) {
    super(reason);
    this.name = 'PageError';
    this.url = url;
  }
}
