/** Input limits shared by every way articles come in: files, feeds, pages and the queue's ingest job. */

/** Largest article (a file, an ndjson line, or a text handed to the ingest job), in bytes. */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

/** Articles one ingest job may carry; producers batch larger sets (see INGEST_BATCH). */
export const MAX_ARTICLES_PER_JOB = 10_000;
