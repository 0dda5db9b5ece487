/**
 * The small Markdown subset consent bodies use: `#`/`##`/`###` headings, paragraphs, `-`/`*` and `1.` lists, and
 * **bold** inline. Unlike CommonMark, a single line break inside a paragraph is kept (clinic staff write forms line
 * by line, e.g. the patient / procedure / practitioner lines at the top). Parsed into blocks that the PDF writer and the dashboard lay out the same way.
 */
export type ConsentBlock =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; ordered: boolean; items: string[] };

/** A run of text, bold or not. */
export interface InlineRun {
  text: string;
  bold: boolean;
}

export function parseConsentMarkdown(markdown: string): ConsentBlock[] {
  const blocks: ConsentBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', text: paragraph.join('\n') });
    if (list) blocks.push({ type: 'list', ...list });
    paragraph = [];
    list = null;
  };
  for (const raw of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (!line) {
      flush();
    } else if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1].length as 1 | 2 | 3, text: heading[2].trim() });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (paragraph.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(((bullet ?? numbered) as RegExpExecArray)[1].trim());
    } else if (list) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += ` ${line}`;
    } else {
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Splits `**bold**` spans out of a line of text. */
export function inlineRuns(text: string): InlineRun[] {
  const runs: InlineRun[] = [];
  const parts = text.split(/(\*\*[^*]+\*\*)/g);
  for (const part of parts) {
    if (!part) continue;
    const bold = part.startsWith('**') && part.endsWith('**') && part.length > 4;
    runs.push({ text: bold ? part.slice(2, -2) : part, bold });
  }
  return runs;
}
