import { Command, CommanderError } from 'commander';
import type { Output } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { TopicsFileError } from '../ingest/topics-file.ts';
import { UserError } from './errors.ts';

export type { Output } from './command.ts';

export async function runCli(argv: string[], out: Output): Promise<number> {
  const program = new Command()
    .name('summit')
    .description('Condense an article set into cited topic briefings.')
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  for (const command of COMMANDS) command.register(program, out);
  // Subcommands inherit exitOverride/output settings only when set before they are added.
  for (const sub of program.commands) sub.exitOverride().configureOutput({ writeOut: out.stdout, writeErr: out.stderr });

  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // A bad topics file read by a long-running command (worker, chat adapters) is the user's to fix too.
    if (error instanceof TopicsFileError) {
      out.stderr(`summit: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UserError) {
      out.stderr(`summit: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
