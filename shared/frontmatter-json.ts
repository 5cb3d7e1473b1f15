/**
 * Byte-minimal edits of JSON front matter: Hugo's object at the top of the file, or Hexo's
 * `;;;`-terminated form (which may omit the braces). jsonc-parser gives each property's
 * exact source range; its own `modify` re-formats neighbours, so the splices are ours.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { FolioError } from './errors.ts';

/** Hexo lets the braces go; parse such content as if they were there. */
function wrap(content: string): { text: string; shift: number } {
  return content.trimStart().startsWith('{')
    ? { text: content, shift: 0 }
    : { text: `{${content}}`, shift: 1 };
}

export function jsonError(content: string): { message: string; offset: number } | null {
  const { text, shift } = wrap(content);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (first) {
    // "ColonExpected" -> "colon expected"
    const words = printParseErrorCode(first.error)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
    return { message: `Invalid JSON: ${words}`, offset: Math.max(0, first.offset - shift) };
  }
  if (root?.type !== 'object') return { message: 'JSON front matter must be an object', offset: 0 };
  return null;
}

export function parseJsonData(content: string): Record<string, unknown> {
  return JSON.parse(wrap(content).text) as Record<string, unknown>;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

function render(value: unknown, oldNode: Node | undefined, text: string, eol: string): string {
  if (!Array.isArray(value) || oldNode?.type !== 'array') return JSON.stringify(value);
  const old = text.slice(oldNode.offset, oldNode.offset + oldNode.length);
  const items = oldNode.children ?? [];
  const used = new Set<number>();
  const parts = value.map((v) => {
    const i = items.findIndex(
      (n, k) => !used.has(k) && text.slice(n.offset, n.offset + n.length) === JSON.stringify(v),
    );
    if (i === -1) return JSON.stringify(v);
    used.add(i);
    return text.slice(items[i]!.offset, items[i]!.offset + items[i]!.length);
  });
  if (!old.includes('\n')) {
    const sep =
      items.length > 1 ? text.slice(items[0]!.offset + items[0]!.length, items[1]!.offset) : ', ';
    return `[${parts.join(sep)}]`;
  }
  const indent = /\n([ \t]*)\S/.exec(old)?.[1] ?? '  ';
  const close = /\n([ \t]*)\]$/.exec(old)?.[1] ?? '';
  return parts.length
    ? `[${eol}${parts.map((p) => indent + p).join(`,${eol}`)}${eol}${close}]`
    : '[]';
}

export function updateJson(content: string, changes: Record<string, unknown>, eol: string): string {
  const problem = jsonError(content);
  if (problem) throw new FolioError('FRONT_MATTER', problem.message);
  const { text, shift } = wrap(content);
  const root = parseTree(text)!;
  const props = root.children ?? [];
  const splices: Array<{ from: number; to: number; insert: string }> = [];
  const appended: string[] = [];
  for (const [key, value] of Object.entries(changes)) {
    const index = props.findIndex((p) => p.children?.[0]?.value === key);
    const prop = props[index];
    if (value === undefined) {
      if (!prop) continue;
      // Remove the property with its comma: up to the next one, or from the previous one's end.
      const next = props[index + 1];
      const prev = props[index - 1];
      const from = next || !prev ? prop.offset : prev.offset + prev.length;
      const to = next ? next.offset : prop.offset + prop.length;
      splices.push({ from, to, insert: '' });
      continue;
    }
    if (prop) {
      const node = prop.children![1]!;
      const insert = render(value, node, text, eol);
      splices.push({ from: node.offset, to: node.offset + node.length, insert });
    } else {
      appended.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}`);
    }
  }
  if (appended.length) {
    const last = props.at(-1);
    if (last) {
      const indent = text.slice(lineStart(text, last.offset), last.offset);
      const at = last.offset + last.length;
      splices.push({
        from: at,
        to: at,
        insert: appended.map((a) => `,${eol}${indent}${a}`).join(''),
      });
    } else {
      const at = root.offset + 1;
      splices.push({ from: at, to: at, insert: `${eol}  ${appended.join(`,${eol}  `)}${eol}` });
    }
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.from - a.from))
    out = out.slice(0, s.from) + s.insert + out.slice(s.to);
  return shift ? out.slice(1, -1) : out;
}
