/** The path given to the ingest layer names neither a file nor a folder. */
export class IngestPathError extends Error {
  readonly code = 'ingest:path-not-found';
  readonly path: string;

  constructor(path: string, options?: ErrorOptions) {
    super(`No article file or folder at ${path}`, options);
    this.name = 'IngestPathError';
    this.path = path;
  }
}
