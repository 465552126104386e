import { LIMIT } from './constants.ts';

/** One "Invalid Form Body" problem, as Discord nests them under `errors`. */
export interface FormProblem {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Discord counts characters (code points), not UTF-16 units. */
const chars = (s: unknown) => (typeof s === 'string' ? [...s].length : 0);
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function maxLength(problems: FormProblem[], path: FormProblem['path'], value: unknown, max: number, required = false) {
  if (value === undefined || value === null) {
    if (required) problems.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return;
  }
  if (typeof value !== 'string') return void problems.push({ path, code: 'BASE_TYPE_STRING', message: 'Must be a string.' });
  if (required && value.length === 0) problems.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  if (chars(value) > max) problems.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Characters counted towards the 6,000 across a message's embeds. */
export function embedSize(embed: Json): number {
  const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
  return (
    chars(embed.title) +
    chars(embed.description) +
    fields.reduce((n, f) => n + chars(f.name) + chars(f.value), 0) +
    (isObject(embed.footer) ? chars(embed.footer.text) : 0) +
    (isObject(embed.author) ? chars(embed.author.name) : 0)
  );
}

function validateEmbed(embed: unknown, i: number, problems: FormProblem[]) {
  const at = (...p: (string | number)[]) => ['embeds', i, ...p];
  if (!isObject(embed)) return void problems.push({ path: at(), code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
  maxLength(problems, at('title'), embed.title, LIMIT.title);
  maxLength(problems, at('description'), embed.description, LIMIT.description);
  if (embed.url !== undefined && !isHttpUrl(embed.url)) problems.push({ path: at('url'), code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
  if (embed.timestamp !== undefined && Number.isNaN(Date.parse(String(embed.timestamp)))) {
    problems.push({ path: at('timestamp'), code: 'DATE_TYPE_PARSE', message: 'Could not parse timestamp.' });
  }
  if (embed.color !== undefined && !(Number.isInteger(embed.color) && (embed.color as number) >= 0 && (embed.color as number) <= 0xffffff)) {
    problems.push({ path: at('color'), code: 'NUMBER_TYPE_MAX', message: 'Int value should be less than or equal to 16777215.' });
  }
  if (embed.footer !== undefined) {
    if (!isObject(embed.footer)) problems.push({ path: at('footer'), code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
    else maxLength(problems, at('footer', 'text'), embed.footer.text, LIMIT.footer, true);
  }
  if (isObject(embed.author)) maxLength(problems, at('author', 'name'), embed.author.name, LIMIT.authorName, true);
  if (embed.fields !== undefined) {
    if (!Array.isArray(embed.fields)) return void problems.push({ path: at('fields'), code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    if (embed.fields.length > LIMIT.fields) problems.push({ path: at('fields'), code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMIT.fields} or fewer in length.` });
    (embed.fields as Json[]).forEach((f, j) => {
      maxLength(problems, at('fields', j, 'name'), f.name, LIMIT.fieldName, true);
      maxLength(problems, at('fields', j, 'value'), f.value, LIMIT.fieldValue, true);
    });
  }
}

function validateComponents(components: unknown, problems: FormProblem[]) {
  if (!Array.isArray(components)) return void problems.push({ path: ['components'], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
  if (components.length > LIMIT.actionRows) problems.push({ path: ['components'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMIT.actionRows} or fewer in length.` });
  const customIds = new Set<string>();
  components.forEach((row: Json, r) => {
    const rowPath = ['components', r];
    if (row?.type !== 1 || !Array.isArray(row.components)) {
      return void problems.push({ path: rowPath, code: 'UNION_TYPE_CHOICES', message: 'Top-level components must be action rows' });
    }
    if (row.components.length === 0 || row.components.length > LIMIT.rowButtons) {
      problems.push({ path: [...rowPath, 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: `Must be between 1 and ${LIMIT.rowButtons} in length.` });
    }
    (row.components as Json[]).forEach((button, b) => {
      const at = [...rowPath, 'components', b];
      if (button.type !== 2) return void problems.push({ path: at, code: 'UNION_TYPE_CHOICES', message: 'Only buttons are expected here' });
      if (![1, 2, 3, 4, 5].includes(button.style as number)) problems.push({ path: [...at, 'style'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (1, 2, 3, 4, 5).' });
      if (button.label === undefined && button.emoji === undefined) problems.push({ path: [...at, 'label'], code: 'BASE_TYPE_REQUIRED', message: 'A label or emoji is required' });
      maxLength(problems, [...at, 'label'], button.label, LIMIT.buttonLabel);
      if (button.style === 5) {
        if (!isHttpUrl(button.url)) problems.push({ path: [...at, 'url'], code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
        if (button.custom_id !== undefined) problems.push({ path: [...at, 'custom_id'], code: 'COMPONENT_LINK_HAS_CUSTOM_ID', message: 'Link buttons cannot have a custom_id' });
      } else {
        maxLength(problems, [...at, 'custom_id'], button.custom_id, LIMIT.customId, true);
        if (typeof button.custom_id === 'string') {
          if (customIds.has(button.custom_id)) problems.push({ path: [...at, 'custom_id'], code: 'COMPONENT_CUSTOM_ID_DUPLICATED', message: 'Component custom id cannot be duplicated' });
          customIds.add(button.custom_id);
        }
      }
    });
  });
}

function validateAllowedMentions(value: unknown, problems: FormProblem[]) {
  if (!isObject(value)) return void problems.push({ path: ['allowed_mentions'], code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
  if (value.parse !== undefined) {
    if (!Array.isArray(value.parse) || value.parse.some((p) => !['users', 'roles', 'everyone'].includes(p as string))) {
      problems.push({ path: ['allowed_mentions', 'parse'], code: 'BASE_TYPE_CHOICES', message: 'Value must be one of (users, roles, everyone).' });
    }
    for (const kind of ['users', 'roles'] as const) {
      if (Array.isArray(value.parse) && value.parse.includes(kind) && Array.isArray(value[kind]) && (value[kind] as unknown[]).length > 0) {
        problems.push({ path: ['allowed_mentions', kind], code: 'SET_TYPE_ALREADY_CONTAINS_VALUE', message: `parse:["${kind}"] and ${kind}: [ids] are mutually exclusive.` });
      }
    }
  }
}

/**
 * Checks a create/edit message body against Discord's documented shapes and limits; returns
 * the problems Discord would report as 50035 Invalid Form Body.
 */
export function validateMessageBody(body: unknown): FormProblem[] {
  const problems: FormProblem[] = [];
  if (!isObject(body)) return [{ path: [], code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' }];
  maxLength(problems, ['content'], body.content, LIMIT.content);
  if (body.embeds !== undefined && body.embeds !== null) {
    if (!Array.isArray(body.embeds)) problems.push({ path: ['embeds'], code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' });
    else {
      if (body.embeds.length > LIMIT.embeds) problems.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMIT.embeds} or fewer in length.` });
      body.embeds.forEach((e, i) => validateEmbed(e, i, problems));
      const total = body.embeds.reduce((n: number, e) => n + (isObject(e) ? embedSize(e) : 0), 0);
      if (total > LIMIT.embedTotal) problems.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: `Embed size exceeds maximum size of ${LIMIT.embedTotal}` });
    }
  }
  if (body.components !== undefined && body.components !== null) validateComponents(body.components, problems);
  if (body.allowed_mentions !== undefined && body.allowed_mentions !== null) validateAllowedMentions(body.allowed_mentions, problems);
  if (body.nonce !== undefined && !(typeof body.nonce === 'number' || (typeof body.nonce === 'string' && chars(body.nonce) <= LIMIT.nonce))) {
    problems.push({ path: ['nonce'], code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${LIMIT.nonce} or fewer in length.` });
  }
  return problems;
}

/** Discord's nested `errors` object for a list of problems. */
export function formErrors(problems: FormProblem[]): Json {
  const root: Json = {};
  for (const p of problems) {
    let node = root;
    for (const key of p.path) node = (node[String(key)] ??= {}) as Json;
    ((node._errors ??= []) as unknown[]).push({ code: p.code, message: p.message });
  }
  return root;
}
