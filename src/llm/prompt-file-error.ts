/** A prompt file that is missing or malformed: a deployment problem, reported at start-up. */
export class PromptFileError extends Error {
  readonly code = 'llm:prompt-file';
  readonly path: string;

  constructor(path: string, problem: string) {
    super(`prompt file ${path}: ${problem}`);
    this.name = 'PromptFileError';
    this.path = path;
  }
}
