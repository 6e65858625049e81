/**
 * The editor's tiny markdown subset, both ways, as pure functions: staff type text in one box, the notice stores
 * blocks (notices.ts), which the contract checks. Anything that is not one of the forms below is plain text — there is
 * no inline markup and no HTML, so nothing typed here can become markup on the page.
 *
 *   # 小标题            (also ## or ###)
 *   - 列表项            (also * or •; consecutive lines form one list)
 *   1. 编号列表项       (also 1、 or 1)）
 *   [链接文字](https://…)   on a line of its own
 *   a blank line ends a paragraph; lines in between stay together, line breaks kept
 */
import type { NoticeBlock } from './notices';

const HEADING = /^#{1,3}\s+(.+)$/;
const BULLET = /^[-*•]\s+(.+)$/;
const NUMBERED = /^\d{1,3}(?:[.、]|[)）])\s*(.+)$/;
const LINK = /^\[([^\]]+)\]\((\S+)\)$/;

export function parseNoticeMarkdown(source: string): NoticeBlock[] {
  const blocks: NoticeBlock[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  const addItem = (ordered: boolean, item: string) => {
    endParagraph();
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'list' && last.ordered === ordered) last.items.push(item);
    else blocks.push({ kind: 'list', ordered, items: [item] });
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    let m: RegExpExecArray | null;
    if (!line) {
      endParagraph();
    } else if ((m = HEADING.exec(line))) {
      endParagraph();
      blocks.push({ kind: 'heading', text: m[1].trim() });
    } else if ((m = LINK.exec(line))) {
      endParagraph();
      blocks.push({ kind: 'link', text: m[1].trim(), url: m[2] });
    } else if ((m = BULLET.exec(line))) {
      addItem(false, m[1].trim());
    } else if ((m = NUMBERED.exec(line))) {
      addItem(true, m[1].trim());
    } else {
      // A plain line right after a list starts a paragraph rather than joining the last item.
      paragraph.push(line);
    }
  }
  endParagraph();
  return blocks;
}

/** The text the editor shows for stored blocks; parsing it gives the same blocks back. */
export function noticeToMarkdown(blocks: readonly NoticeBlock[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
          return `## ${b.text}`;
        case 'paragraph':
          return b.text;
        case 'list':
          return b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n');
        case 'link':
          return `[${b.text}](${b.url})`;
      }
    })
    .join('\n\n');
}
