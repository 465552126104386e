#!/usr/bin/env node
// The CLI is written in TypeScript and run by Node's built-in type stripping (Node >= 22.18 / 24).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `summit needs Node.js >= 22.18 (24 LTS recommended); this is ${process.version}.\n` +
      'Run it through npm (npx summit / npm run summit), which uses the Node 24 installed by npm ci.\n',
  );
  process.exit(1);
}
await import('../src/cli/main.ts');
