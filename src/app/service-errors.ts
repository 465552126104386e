/** Errors the Redis-backed SummitService throws; messages are written for the person in chat. */

export class UnknownTopicError extends Error {
  readonly code = 'topic:unknown';

  constructor(topic: string, known: string[]) {
    super(`unknown topic "${topic}"; topics are: ${known.join(', ')}`);
    this.name = 'UnknownTopicError';
  }
}

export class InvalidSubscriptionError extends Error {
  readonly code = 'subscription:invalid';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidSubscriptionError';
  }
}

export class InvalidQuestionError extends Error {
  readonly code = 'question:invalid';

  constructor(message: string) {
    super(message);
    this.name = 'InvalidQuestionError';
  }
}

/** No worker finished the job in time; the job stays queued and a later request shares it. */
export class WorkerTimeoutError extends Error {
  readonly code = 'queue:timeout';

  constructor(what: string, timeoutMs: number) {
    super(`${what} is taking longer than ${Math.round(timeoutMs / 1000)} s; it stays queued — try again shortly`);
    this.name = 'WorkerTimeoutError';
  }
}

/** The job failed; `detail` (the worker's failure reason) is for logs, not for the channel. */
export class JobFailedError extends Error {
  readonly code = 'queue:job-failed';
  readonly detail: string;

  constructor(what: string, detail: string) {
    super(`${what} failed; the error was logged`);
    this.name = 'JobFailedError';
    this.detail = detail;
  }
}
