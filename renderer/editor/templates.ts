/**
 * The site's template constructs in the editor, per dialect (shared/markdown/templates/):
 * highlighted as their own tokens (an opener never closed in red), the pair of the one at
 * the cursor marked, paired ones foldable (Ctrl/Cmd+Alt+[), and names completed after the
 * opener (`{{< `, `{% `, `<`): the generator's built-ins and the site's own, with the
 * parameters their templates read.
 *
 * In a Compartment, like the preferences: the site's templates arrive after the first post
 * opens, and `applyEditorTemplates` brings the shown editor up to date.
 */
import {
  autocompletion,
  startCompletion,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from '@codemirror/autocomplete';
import { codeFolding, foldKeymap, foldService } from '@codemirror/language';
import { Compartment, RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import {
  dialectOf,
  templateDialect,
  type SiteTemplate,
} from '../../shared/markdown/templates/index.ts';
import { scanText, closeWithin } from '../../shared/markdown/templates/scan.ts';
import type { Construct } from '../../shared/markdown/templates/syntax.ts';
import type { TemplateDialect } from '../../shared/markdown/templates/types.ts';

/** What the editor knows of the open blog's templates. */
export interface EditorTemplates {
  /** The generator's dialect (null: plain Markdown, but `.mdx` posts are still MDX). */
  dialect: string | null;
  templates: Readonly<Record<string, SiteTemplate>>;
}

/** How far around the visible text constructs are looked for (a construct is at most 4 KB). */
const MARGIN = 4096;
/** Pairs are matched (for the cursor's pair and folding) in posts up to this size. */
const PAIR_LIMIT = 2_000_000;

const construct = Decoration.mark({ class: 'cm-tpl' });
const name = Decoration.mark({ class: 'cm-tpl-name' });
const broken = Decoration.mark({ class: 'cm-tpl cm-tpl-broken' });
const matched = Decoration.mark({ class: 'cm-tpl-match' });

function highlight(dialect: TemplateDialect) {
  const build = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    const doc = view.state.doc;
    let done = 0;
    for (const range of view.visibleRanges) {
      const from = Math.max(done, range.from - MARGIN);
      const to = Math.min(doc.length, range.to + MARGIN);
      const text = doc.sliceString(from, to);
      for (const c of scanText(dialect, text).constructs) {
        const start = from + c.start;
        const end = from + c.end;
        if (start < done || start > range.to) continue;
        builder.add(start, end, c.kind === 'broken' ? broken : construct);
        const at = c.name ? text.indexOf(c.name, c.start) : -1;
        if (at >= 0 && at + c.name.length <= c.end)
          builder.add(from + at, from + at + c.name.length, name);
        done = end;
      }
      done = Math.max(done, range.to);
    }
    return builder.finish();
  };
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = build(update.view);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

/** The constructs of the whole post and their pairs, kept while the text stays the same. */
function pairsOf(dialect: TemplateDialect) {
  let cached: { doc: EditorState['doc']; scan: ReturnType<typeof scanText> } | null = null;
  return (state: EditorState) => {
    if (state.doc.length > PAIR_LIMIT) return null;
    if (cached?.doc !== state.doc)
      cached = { doc: state.doc, scan: scanText(dialect, state.doc.toString()) };
    return cached.scan;
  };
}

/** The opener or close around the cursor, and its pair: both marked. */
function cursorPair(dialect: TemplateDialect, pairs: ReturnType<typeof pairsOf>) {
  /** Whether a tag or close holds `head`: read around it only (most keystrokes are elsewhere). */
  const nearTag = (state: EditorState, head: number): boolean => {
    const from = Math.max(0, head - MARGIN);
    const text = state.doc.sliceString(from, Math.min(state.doc.length, head + MARGIN));
    return scanText(dialect, text).constructs.some(
      (c) =>
        (c.kind === 'tag' || c.kind === 'close') && c.start + from <= head && head <= c.end + from,
    );
  };
  const build = (state: EditorState): DecorationSet => {
    const head = state.selection.main.head;
    // The whole post is scanned for pairs only when the cursor is in a construct.
    if (!nearTag(state, head)) return Decoration.none;
    const scan = pairs(state);
    if (!scan) return Decoration.none;
    const at = scan.constructs.find((c) => c.start <= head && head <= c.end);
    if (!at || (at.kind !== 'tag' && at.kind !== 'close')) return Decoration.none;
    let other: Construct | null = null;
    if (at.kind === 'tag') other = closeWithin(scan, at, state.doc.length);
    else
      for (const [start, close] of scan.closeOf)
        if (close.start === at.start)
          other = scan.constructs.find((c) => c.start === start) ?? null;
    if (!other) return Decoration.none;
    const [a, b] = at.start < other.start ? [at, other] : [other, at];
    return Decoration.set([matched.range(a.start, a.end), matched.range(b.start, b.end)]);
  };
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = build(view.state);
      }
      update(update: ViewUpdate) {
        if (update.docChanged || update.selectionSet) this.decorations = build(update.state);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}

/** A paired construct that opens a line folds up to its close. */
function folding(dialect: TemplateDialect, pairs: ReturnType<typeof pairsOf>): Extension {
  return foldService.of((state, lineStart, lineEnd) => {
    const line = state.doc.sliceString(lineStart, lineEnd);
    const indent = line.length - line.trimStart().length;
    if (!dialect.openers.includes(line[indent] ?? '')) return null;
    const scan = pairs(state);
    const open = scan?.constructs.find((c) => c.start === lineStart + indent);
    const close = scan && open ? closeWithin(scan, open, state.doc.length) : null;
    if (!open || !close) return null;
    const closeLine = state.doc.lineAt(close.start);
    if (closeLine.from <= lineEnd) return null;
    return { from: Math.min(lineEnd, open.end), to: closeLine.from - 1 };
  });
}

/** Names after the opener, and a construct's parameters after its name. */
function completions(dialect: TemplateDialect, site: EditorTemplates['templates']) {
  const opener = dialect.snippets.open.trim().replace(/[{}<%]/g, '\\$&');
  const nameAfter = new RegExp(`${opener}-?\\s*([\\w./-]*)$`);
  const paramAfter = new RegExp(`${opener}-?\\s*([\\w./-]+)\\s+(?:[^\\n{}]*\\s)?([\\w-]*)$`);
  const params = (of: string): readonly string[] => site[of]?.params ?? dialect.builtins[of] ?? [];
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(
      Math.max(0, context.pos - line.from - 200),
      context.pos - line.from,
    );
    const param = paramAfter.exec(before);
    if (param && params(param[1]!).length) {
      return {
        from: context.pos - param[2]!.length,
        options: params(param[1]!).map((p): Completion => ({
          label: p,
          type: 'property',
          apply: `${p}=""`,
        })),
        validFor: /^[\w-]*$/,
      };
    }
    const typed = nameAfter.exec(before);
    if (!typed) return null;
    // MDX: only a capital starts a component (`<a` is HTML), so lower case asks for no list.
    const names = dialect.snippets.names;
    if (names && !names.test(typed[1] ?? '') && !context.explicit) return null;
    const options: Completion[] = [
      ...Object.entries(site)
        .filter(([n]) => !names || names.test(n))
        .map(([n, t]): Completion => ({
          label: n,
          type: 'function',
          detail: 'site',
          info: t.file,
        })),
      ...Object.keys(dialect.builtins)
        .filter((n) => !(n in site))
        .map((n): Completion => ({ label: n, type: 'keyword', detail: 'built-in' })),
    ];
    return { from: context.pos - typed[1]!.length, options, validFor: /^[\w./-]*$/ };
  };
}

const templateTheme = EditorView.baseTheme({
  '.cm-tpl': {
    color: 'var(--syn-type)',
    backgroundColor: 'color-mix(in srgb, var(--accent-soft) 45%, transparent)',
    borderRadius: '3px',
  },
  '.cm-tpl-name': { fontWeight: '600' },
  '.cm-tpl-broken': { textDecoration: 'underline wavy var(--error)' },
  '.cm-tpl-match': { outline: '1px solid var(--accent)', borderRadius: '3px' },
});

/** The completion list in the app's colours (CodeMirror's own is blue). */
const completionTheme = EditorView.theme({
  '.cm-tooltip.cm-tooltip-autocomplete': {
    border: '1px solid var(--line)',
    backgroundColor: 'var(--paper)',
    fontFamily: 'var(--mono)',
  },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--accent)',
    color: 'var(--on-accent)',
  },
  '.cm-completionDetail': { color: 'var(--muted)', fontStyle: 'normal', marginLeft: '1em' },
});

const slot = new Compartment();
const made = new Map<string, Extension>();
let current: EditorTemplates | null = null;

function supportFor(templates: EditorTemplates | null, path: string): Extension {
  const name = templates ? dialectOf(templates.dialect ?? undefined, path) : undefined;
  const dialect = templateDialect(name);
  if (!templates || !dialect) return [];
  const key = dialect.name;
  let extension = made.get(key);
  if (!extension) {
    const pairs = pairsOf(dialect);
    extension = [
      templateTheme,
      completionTheme,
      highlight(dialect),
      cursorPair(dialect, pairs),
      codeFolding(),
      folding(dialect, pairs),
      keymap.of(foldKeymap),
      autocompletion({ override: [completions(dialect, templates.templates)], icons: false }),
    ];
    made.set(key, extension);
  }
  return extension;
}

/** For new editor states: the open blog's templates, for the post at `path`. */
export function templateSlot(path: string): Extension {
  return slot.of(supportFor(current, path));
}

/** The blog's templates changed (or another post is shown): the shown editor follows. */
export function applyEditorTemplates(
  view: EditorView | null,
  templates: EditorTemplates | null,
  path: string | null,
): void {
  if (current?.dialect !== templates?.dialect || current?.templates !== templates?.templates)
    made.clear();
  current = templates;
  if (!view || path === null) return;
  const wanted = supportFor(templates, path);
  if (slot.get(view.state) !== wanted) view.dispatch({ effects: slot.reconfigure(wanted) });
}

/** Insert ▸ Shortcode…: the dialect's opener at the cursor, and the list of names. */
export function insertTemplate(view: EditorView, path: string): boolean {
  const dialect = templateDialect(
    current ? dialectOf(current.dialect ?? undefined, path) : undefined,
  );
  if (!dialect) return false;
  const { from, to } = view.state.selection.main;
  const open = dialect.snippets.open;
  view.dispatch({
    changes: { from, to, insert: open + dialect.snippets.close },
    selection: { anchor: from + open.length },
    scrollIntoView: true,
  });
  // After the palette or menu that ran this has closed and given the focus back: a blur
  // closes the list.
  setTimeout(() => {
    view.focus();
    startCompletion(view);
  });
  return true;
}
