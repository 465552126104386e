/**
 * What Discord clients would do with a message as it went over the wire: who it notifies and
 * which links it renders as clickable. Used by the peer's checks and the contract harness.
 */
type Json = Record<string, unknown>;

export interface AllowedMentions {
  parse?: string[];
  users?: string[];
  roles?: string[];
  replied_user?: boolean;
}

/**
 * Discord notifies from message content only (never from embeds): `@everyone`/`@here`, `<@id>`
 * and `<@&id>` as `allowed_mentions` permits — and when that field is absent, everything parses.
 * A reply notifies the replied-to author unless `replied_user` is false (default false once
 * `allowed_mentions` is given).
 */
export function wouldPing(content: string, allowed: AllowedMentions | undefined, isReply: boolean): boolean {
  const parse = allowed === undefined ? ['everyone', 'users', 'roles'] : (allowed.parse ?? []);
  if (/@(everyone|here)\b/.test(content) && parse.includes('everyone')) return true;
  for (const m of content.matchAll(/<@!?(\d+)>/g)) if (parse.includes('users') || allowed?.users?.includes(m[1] as string)) return true;
  for (const m of content.matchAll(/<@&(\d+)>/g)) if (parse.includes('roles') || allowed?.roles?.includes(m[1] as string)) return true;
  return isReply && (allowed === undefined || allowed.replied_user === true);
}

export interface RenderedLink {
  url: string;
  label: string;
}

/**
 * Clickable links in Discord markdown: masked links `[label](url)` whose `[` is not
 * backslash-escaped, and bare `http(s)://` URLs (auto-linked).
 */
export function linksIn(text: string): RenderedLink[] {
  const links: RenderedLink[] = [];
  let rest = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      rest += ' ';
      i++;
      continue;
    }
    if (c === '[') {
      const masked = maskedAt(text, i);
      if (masked) {
        links.push({ url: masked.url, label: masked.label });
        i = masked.end - 1;
        rest += ' ';
        continue;
      }
    }
    rest += c;
  }
  for (const m of rest.matchAll(/https?:\/\/[^\s<]+[^<.,:;"')\]\s]/g)) links.push({ url: m[0], label: m[0] });
  return links;
}

function maskedAt(text: string, start: number): { label: string; url: string; end: number } | undefined {
  let i = start + 1;
  let label = '';
  for (; i < text.length && text[i] !== ']'; i++) {
    if (text[i] === '\\') i++;
    label += text[i] ?? '';
    if (text[i] === '\n') return undefined;
  }
  if (text[i] !== ']' || text[i + 1] !== '(') return undefined;
  const close = text.indexOf(')', i + 2);
  if (close < 0) return undefined;
  const url = text.slice(i + 2, close).trim().replace(/^<|>$/g, '');
  if (!/^https?:\/\/\S+$/.test(url)) return undefined;
  return { label, url, end: close + 1 };
}

/** Everything a reader sees in a message: content, then each embed's title, description, fields, footer. */
export function visibleText(message: { content?: string; embeds?: Json[] }): string {
  const parts = [message.content ?? ''];
  for (const e of message.embeds ?? []) {
    const author = e.author as Json | undefined;
    const footer = e.footer as Json | undefined;
    parts.push(String(author?.name ?? ''), String(e.title ?? ''), String(e.description ?? ''));
    for (const f of (e.fields as Json[] | undefined) ?? []) parts.push(String(f.name), String(f.value));
    parts.push(String(footer?.text ?? ''));
  }
  return parts.filter((p) => p.length > 0).join('\n');
}

/** Links in a message: in content, embed text, embed title URLs and link buttons. */
export function messageLinks(message: { content?: string; embeds?: Json[]; components?: Json[] }): RenderedLink[] {
  const links = linksIn(visibleText(message));
  for (const e of message.embeds ?? []) if (typeof e.url === 'string') links.push({ url: e.url, label: String(e.title ?? '') });
  for (const row of message.components ?? []) {
    for (const b of (row.components as Json[] | undefined) ?? []) if (b.style === 5) links.push({ url: String(b.url), label: String(b.label ?? '') });
  }
  return links;
}
