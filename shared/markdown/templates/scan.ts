/**
 * All of a text's constructs in one pass, and each opener's close: matched with a stack per
 * name, so a post with thousands of constructs (or of openers never closed) costs one linear
 * scan, not a search ahead from each opener.
 */
import type { Construct } from './syntax.ts';
import type { TemplateSyntax } from './types.ts';

export interface Scan {
  constructs: Construct[];
  /** An opener's close, by the opener's start offset. */
  closeOf: Map<number, Construct>;
}

/** The next offset from `from` where one of `chars` stands, or `text.length`. */
export function nextOpener(chars: string, text: string, from: number): number {
  let best = text.length;
  for (const ch of chars) {
    const i = text.indexOf(ch, from);
    if (i !== -1 && i < best) best = i;
  }
  return best;
}

/** `spans`: constructs without their arguments (see TemplateSyntax's `read`). */
export function scanText(dialect: TemplateSyntax, text: string, spans = false): Scan {
  const constructs: Construct[] = [];
  const closeOf = new Map<number, Construct>();
  const open = new Map<string, Construct[]>();
  for (let i = nextOpener(dialect.openers, text, 0); i < text.length;) {
    const c = dialect.read(text, i, spans);
    if (!c) {
      i = nextOpener(dialect.openers, text, i + 1);
      continue;
    }
    constructs.push(c);
    if (c.kind === 'tag' && !c.selfClosing && dialect.pairing(c, {})) {
      const stack = open.get(c.name) ?? [];
      stack.push(c);
      open.set(c.name, stack);
    } else if (c.kind === 'close') {
      const opener = open.get(c.name)?.pop();
      if (opener) closeOf.set(opener.start, c);
    }
    i = nextOpener(dialect.openers, text, Math.max(c.end, i + 1));
  }
  return { constructs, closeOf };
}

const scans = new WeakMap<object, { text: string; scan: Scan }>();

/** The scan of `text`, kept with `holder` (a parser state) while its text stays the same. */
export function scanOf(holder: object, dialect: TemplateSyntax, text: string): Scan {
  const kept = scans.get(holder);
  if (kept?.text === text) return kept.scan;
  const scan = scanText(dialect, text);
  scans.set(holder, { text, scan });
  return scan;
}

/** `open`'s close when it ends by `limit`. */
export function closeWithin(scan: Scan, open: Construct, limit: number): Construct | null {
  const close = scan.closeOf.get(open.start);
  return close && close.end <= limit ? close : null;
}
