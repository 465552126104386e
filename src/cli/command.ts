import type { Command } from 'commander';

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** One `summit` subcommand: registers itself (options, action) on the program. */
export interface CliCommand {
  register(program: Command, out: Output): void;
}
