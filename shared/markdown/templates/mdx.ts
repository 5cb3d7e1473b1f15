/**
 * MDX (Astro, Gatsby, Next): `import`/`export` lines are code, not content, and are hidden;
 * a JSX component (`<Callout type="note">…</Callout>`, `<Chart data={d} />`) is a labelled
 * chip, its children rendered as Markdown. Lower-case tags are HTML, as in MDX.
 */
import { mdxSyntax } from './mdx-syntax.ts';
import { siteOrUnknown } from './html.ts';
import type { TemplateDialect } from './types.ts';

export const mdx: TemplateDialect = {
  ...mdxSyntax,
  builtins: {},
  snippets: { open: '<', close: ' />', closeTag: (name) => `</${name}>`, names: /^[A-Z]/ },
  render: (input) => siteOrUnknown(input, 'component'),
};
