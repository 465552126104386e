import { runCli } from './program.ts';

process.exitCode = await runCli(process.argv, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
