import { CDATA_SECTION_NODE, type DomNode, ELEMENT_NODE, TEXT_NODE } from './dom.ts';

/** Elements that start a new paragraph; their text never runs into the text around them. */
const BLOCKS = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE CAPTION DD DETAILS DIALOG DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER ' +
    'FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR LI MAIN NAV OL P SECTION SUMMARY TABLE TBODY TFOOT THEAD TR UL'
  ).split(' '),
);
/** Elements whose text is never reader-visible prose. */
const SKIPPED = new Set('HEAD SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME OBJECT CANVAS'.split(' '));
const CELLS = new Set(['TD', 'TH']);

/**
 * Renders a DOM subtree as plain-text paragraphs: block elements become paragraphs,
 * `<br>` a line break, and runs of whitespace inside a paragraph one space.
 */
export function blockParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let run = '';

  const flush = () => {
    const lines = run
      .split('\n')
      .map((line) => line.replace(/ +/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    run = '';
  };

  const visit = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      run += (node.textContent ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name)) return;
    if (name === 'BR') {
      run += '\n';
      return;
    }
    if (name === 'PRE') {
      // Preformatted text keeps its own line breaks and spacing.
      flush();
      const text = (node.textContent ?? '').replace(/\r\n?/g, '\n').trim();
      if (text !== '') paragraphs.push(text);
      return;
    }
    const block = BLOCKS.has(name);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) flush();
    else if (CELLS.has(name)) run += ' ';
  };

  visit(root);
  flush();
  return paragraphs;
}
