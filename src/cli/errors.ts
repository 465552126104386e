/** An error whose message is written for the person at the terminal. */
export class UserError extends Error {
  readonly code: string;
  readonly exitCode: number;

  constructor(message: string, code = 'cli:usage', exitCode = 1) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.exitCode = exitCode;
  }
}
