import { inlineRuns, parseConsentMarkdown } from '@skinledger/domain';
import { Fragment, useMemo } from 'react';

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineRuns(text).map((run, i) => (
        <Fragment key={i}>{run.bold ? <strong>{run.text}</strong> : run.text}</Fragment>
      ))}
    </>
  );
}

/**
 * A consent body laid out from libs/domain's Markdown blocks (the parser the PDF and the kiosk use), in plain HTML:
 * the document's headings sit one level under the page's own (# → h2).
 */
export function ConsentText({ markdown, labelledBy }: { markdown: string; labelledBy: string }) {
  const blocks = useMemo(() => parseConsentMarkdown(markdown), [markdown]);
  return (
    <article className="consent-text" aria-labelledby={labelledBy}>
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          const Tag = (['h2', 'h3', 'h4'] as const)[block.level - 1];
          return (
            <Tag key={i}>
              <Inline text={block.text} />
            </Tag>
          );
        }
        if (block.type === 'paragraph') {
          return (
            <p key={i}>
              <Inline text={block.text} />
            </p>
          );
        }
        const List = block.ordered ? 'ol' : 'ul';
        return (
          <List key={i}>
            {block.items.map((item, j) => (
              <li key={j}>
                <Inline text={item} />
              </li>
            ))}
          </List>
        );
      })}
    </article>
  );
}
