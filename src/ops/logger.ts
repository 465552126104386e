import { type Logger, pino } from 'pino';
import { REDACTED, REDACTED_PATHS, redactSecrets, secretValues } from './redact.ts';

/**
 * JSON logs on stdout (one object per line), with the process's name on every line. Secrets are
 * taken out of every line before it is written (see redact.ts).
 */
export function createLogger(level: string, name = 'summit-worker', destination?: NodeJS.WritableStream): Logger {
  const secrets = secretValues();
  return pino(
    {
      name,
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Error objects keep their code (typed errors) in the log line.
      serializers: { err: pino.stdSerializers.err },
      redact: { paths: REDACTED_PATHS, censor: REDACTED },
      hooks: { streamWrite: (line) => redactSecrets(line, secrets) },
    },
    // Synchronous, so the last lines before a forced exit are not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
