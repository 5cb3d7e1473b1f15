/**
 * The GitHub Flavored Markdown pieces markdown-it lacks: task lists, GitHub's heading ids,
 * and `www.` autolinks. Each is a small markdown-it plugin.
 */
import GithubSlugger from 'github-slugger';
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/**
 * `- [ ] todo` / `- [x] done`: the item starts with a disabled checkbox, like GitHub renders it
 * (`<li class="task-list-item"><input class="task-list-item-checkbox" type="checkbox" disabled>`,
 * the list gets `contains-task-list`).
 */
export function taskListPlugin(md: MarkdownIt): void {
  md.renderer.rules.task_checkbox = (tokens, idx) =>
    `<input class="task-list-item-checkbox" type="checkbox" disabled${(tokens[idx]!.meta as { checked: boolean }).checked ? ' checked' : ''}>`;
  md.core.ruler.push('task_lists', (state: StateCore) => {
    const tokens = state.tokens;
    const lists: Token[] = []; // the open lists around the current token
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
        lists.push(token);
        continue;
      }
      if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') {
        lists.pop();
        continue;
      }
      if (
        token.type !== 'inline' ||
        tokens[i - 1]?.type !== 'paragraph_open' ||
        tokens[i - 2]?.type !== 'list_item_open'
      ) {
        continue;
      }
      const first = token.children?.[0];
      const match = first?.type === 'text' ? /^\[([ xX])\](?=[ \t]|$)/.exec(first.content) : null;
      if (!first || !match) continue;
      first.content = first.content.slice(3);
      // Its own token, not raw HTML: the preview can tell it from HTML the post wrote.
      const box = new state.Token('task_checkbox', '', 0);
      box.meta = { checked: match[1] !== ' ' };
      token.children!.unshift(box);
      tokens[i - 2]!.attrJoin('class', 'task-list-item');
      const list = lists.at(-1);
      if (list && list.meta?.taskList !== true) {
        list.attrJoin('class', 'contains-task-list');
        list.meta = { ...list.meta, taskList: true };
      }
    }
  });
}

/** The heading's text as GitHub slugs it: its text content, markup dropped. */
function headingText(inline: Token | undefined): string {
  let text = '';
  for (const child of inline?.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'text_special') {
      text += child.content;
    } else if (child.type === 'math_inline') {
      text += child.markup + child.content + child.markup; // GitHub slugs the TeX source
    } else if (child.type === 'softbreak' || child.type === 'hardbreak') {
      text += ' ';
    }
  }
  return text;
}

/**
 * GitHub's heading ids: lowercase, spaces to `-`, punctuation dropped, unicode letters kept, and
 * a repeated heading gets `-1`, `-2`, … (github-slugger is the algorithm GitHub documents).
 */
export function headingIdPlugin(
  md: MarkdownIt,
  makeSlugger: () => (text: string) => string = () => {
    const github = new GithubSlugger();
    return (text) => github.slug(text);
  },
): void {
  md.core.ruler.push('heading_ids', (state: StateCore) => {
    const slug = makeSlugger();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== 'heading_open' || token.attrGet('id') !== null) continue;
      const text = headingText(tokens[i + 1]);
      if (text.trim() === '') continue;
      const id = slug(text);
      if (id) token.attrSet('id', id);
    }
  });
}

/**
 * GFM's extended autolinks: markdown-it links `https://…` and `me@example.com` already; this adds
 * `www.example.com` (as `http://www.example.com`, like GitHub) without linkify-it's fuzzy mode,
 * which would also turn `README.md` and `node.js` into links.
 */
export function wwwAutolinkPlugin(md: MarkdownIt): void {
  md.linkify.add('www.', {
    validate(text, pos, self) {
      const re = self.re.get_relative_proto_validator();
      re.lastIndex = pos;
      const match = re.exec(text);
      return match && match.index === pos ? match[0].length : 0;
    },
    normalize(match) {
      match.url = `http://${match.url}`;
    },
  });
}

/**
 * Every scheme linkify-it knows here (`http:`, `https:`, `ftp:`, `mailto:`, `//`, `www.`) and
 * its fuzzy e-mails (`@`) need one of these; without them `linkify.test` cannot succeed.
 */
const MAY_LINK = /[:@]|\/\/|www\./i;

/**
 * markdown-it asks linkify-it about every paragraph and every text run in it, and linkify-it
 * answers by running its scheme search, a regex that tries a long Unicode punctuation class at
 * every character: a fifth of the whole render of a 2,000-word post. A plain scan for the few
 * characters a link needs answers the same for text without them, which is most text.
 */
export function linkifyPretestPlugin(md: MarkdownIt): void {
  const linkify = md.linkify;
  const test = linkify.test.bind(linkify);
  linkify.test = (text: string) => MAY_LINK.test(text) && test(text);
}
