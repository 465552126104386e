import { type Html, html } from '../html.ts';

/** Where the stylesheet is served; static and public (it holds no story data). */
export const STYLESHEET_PATH = '/static/summit.css';

/** The page shell: no scripts at all, one stylesheet, readable on a phone. */
export function layout(page: { title: string; body: Html }): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${page.title} · summit</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
${page.body}
</main>
</body>
</html>
`;
}

/** A page for 401/404/503: says what happened, never why in detail (that is logged). */
export function messagePage(title: string, message: string): Html {
  return layout({ title, body: html`<h1>${title}</h1><p>${message}</p>` });
}
