import { type Logger, pino } from 'pino';

/** JSON logs on stdout (one object per line), with the process's name on every line. */
export function createLogger(level: string, name = 'summit-worker', destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      name,
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Error objects keep their code (typed errors) in the log line.
      serializers: { err: pino.stdSerializers.err },
    },
    // Synchronous, so the last lines before a forced exit are not lost.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
