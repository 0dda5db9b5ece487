import { List, Stack, Text, Title } from '@mantine/core';
import { inlineRuns, parseConsentMarkdown } from '@skinledger/domain';
import { Fragment, useMemo } from 'react';

interface ConsentDocumentProps {
  markdown: string;
  /** Larger type for the signing kiosk. */
  size?: 'md' | 'lg';
}

/** Heading font sizes (px) for levels 1–3: document-sized in the dashboard, large on the kiosk. */
const HEADING_SIZES = { md: [18, 15, 14], lg: [30, 23, 20] } as const;

function Inline({ text }: { text: string }) {
  return (
    <>
      {inlineRuns(text).map((run, i) => (
        <Fragment key={i}>{run.bold ? <strong>{run.text}</strong> : run.text}</Fragment>
      ))}
    </>
  );
}

/** A consent body laid out from the same Markdown blocks the PDF uses (headings, paragraphs, lists, bold). */
export function ConsentDocument({ markdown, size = 'md' }: ConsentDocumentProps) {
  const blocks = useMemo(() => parseConsentMarkdown(markdown), [markdown]);
  const textSize = size === 'lg' ? 'lg' : 'sm';
  return (
    <Stack gap={size === 'lg' ? 'sm' : 6} className="consent-document">
      {blocks.map((block, i) => {
        if (block.type === 'heading') {
          return (
            <Title key={i} order={(block.level + 1) as 2 | 3 | 4} fz={HEADING_SIZES[size][block.level - 1]} lh={1.3} mt={i === 0 ? 0 : 'xs'}>
              <Inline text={block.text} />
            </Title>
          );
        }
        if (block.type === 'paragraph') {
          return (
            <Text key={i} size={textSize} style={{ whiteSpace: 'pre-line' }}>
              <Inline text={block.text} />
            </Text>
          );
        }
        return (
          <List key={i} type={block.ordered ? 'ordered' : 'unordered'} size={textSize} spacing={4} withPadding>
            {block.items.map((item, j) => (
              <List.Item key={j}>
                <Inline text={item} />
              </List.Item>
            ))}
          </List>
        );
      })}
    </Stack>
  );
}
