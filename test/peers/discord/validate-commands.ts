import type { FormProblem } from './validate-message.ts';

type Json = Record<string, unknown>;

/** Command and option names: 1–32 lowercase letters, digits, `-` or `_` (https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-naming). */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const OPTION_TYPES = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const STRING = 3;

function checkName(value: unknown, path: FormProblem['path'], problems: FormProblem[]) {
  if (typeof value !== 'string' || !NAME.test(value) || value !== value.toLowerCase()) {
    problems.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
  }
}

function checkDescription(value: unknown, path: FormProblem['path'], problems: FormProblem[]) {
  if (typeof value !== 'string' || value.length < 1 || [...value].length > 100) {
    problems.push({ path, code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
}

/** Sum Discord caps at 8,000: names, descriptions and choice names/values, all levels. */
function textSize(node: Json): number {
  let n = [...String(node.name ?? '')].length + [...String(node.description ?? '')].length;
  for (const c of (node.choices as Json[] | undefined) ?? []) n += [...String(c.name)].length + [...String(c.value)].length;
  for (const o of (node.options as Json[] | undefined) ?? []) n += textSize(o);
  return n;
}

function checkOptions(options: unknown, path: FormProblem['path'], depth: number, problems: FormProblem[]) {
  if (options === undefined) return;
  if (!Array.isArray(options)) return void problems.push({ path, code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
  if (options.length > 25) problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  const names = new Set<string>();
  let optionalSeen = false;
  (options as Json[]).forEach((option, i) => {
    const at = [...path, i];
    if (!OPTION_TYPES.has(option.type as number)) problems.push({ path: [...at, 'type'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1…11).' });
    checkName(option.name, [...at, 'name'], problems);
    checkDescription(option.description, [...at, 'description'], problems);
    if (typeof option.name === 'string') {
      if (names.has(option.name)) problems.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
      names.add(option.name);
    }
    const isSub = option.type === SUB_COMMAND || option.type === SUB_COMMAND_GROUP;
    if (isSub) {
      if (depth > (option.type === SUB_COMMAND ? 1 : 0)) problems.push({ path: at, code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', message: 'Sub-commands cannot nest here' });
      if (option.required !== undefined) problems.push({ path: [...at, 'required'], code: 'APPLICATION_COMMAND_OPTION_REQUIRED_INVALID', message: 'Sub-commands cannot be required' });
      checkOptions(option.options, [...at, 'options'], depth + 1, problems);
      return;
    }
    if (option.required === true && optionalSeen) {
      problems.push({ path: [...at, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    if (option.required !== true) optionalSeen = true;
    if (option.choices !== undefined) {
      const choices = option.choices as Json[];
      if (!Array.isArray(choices) || choices.length > 25) problems.push({ path: [...at, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
      else choices.forEach((c, j) => {
        if (typeof c.name !== 'string' || c.name.length < 1 || [...c.name].length > 100) problems.push({ path: [...at, 'choices', j, 'name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
        if (option.type === STRING && (typeof c.value !== 'string' || [...c.value].length > 100)) problems.push({ path: [...at, 'choices', j, 'value'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
      });
    }
    for (const key of ['min_length', 'max_length'] as const) {
      const v = option[key];
      if (v !== undefined && (option.type !== STRING || !Number.isInteger(v) || (v as number) < (key === 'min_length' ? 0 : 1) || (v as number) > 6000)) {
        problems.push({ path: [...at, key], code: 'NUMBER_TYPE_MAX', message: `${key} must be within 0–6000 on string options` });
      }
    }
  });
  // A command either has subcommands or plain options, never both at one level.
  const subs = (options as Json[]).filter((o) => o.type === SUB_COMMAND || o.type === SUB_COMMAND_GROUP).length;
  if (subs > 0 && subs < options.length) problems.push({ path, code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', message: 'Cannot mix sub-commands with other options' });
}

/** Checks a bulk-overwrite body (PUT …/commands) against Discord's documented rules. */
export function validateCommands(body: unknown): FormProblem[] {
  if (!Array.isArray(body)) return [{ path: [], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }];
  const problems: FormProblem[] = [];
  if (body.length > 100) problems.push({ path: [], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 100 or fewer in length.' });
  (body as Json[]).forEach((command, i) => {
    if ((command.type ?? 1) !== 1) return;
    checkName(command.name, [i, 'name'], problems);
    checkDescription(command.description, [i, 'description'], problems);
    checkOptions(command.options, [i, 'options'], 0, problems);
    if (command.contexts !== undefined && (!Array.isArray(command.contexts) || command.contexts.some((c) => ![0, 1, 2].includes(c as number)))) {
      problems.push({ path: [i, 'contexts'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (0, 1, 2).' });
    }
    if (textSize(command) > 8000) problems.push({ path: [i], code: 'APPLICATION_COMMAND_TOO_LARGE', message: 'Command exceeds maximum size (8000)' });
  });
  return problems;
}
