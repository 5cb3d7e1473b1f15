/**
 * The blog's own stylesheet, confined to the preview. The text is parsed by the browser into
 * a constructed stylesheet (which ignores `@import`, so nothing is fetched but what its
 * `url()`s name, and those only as far as the app's CSP allows), then every style rule is
 * re-written with each selector under the preview's root: `h1` becomes `#id h1`, and `body`,
 * `html` or `:root` become the root itself, which is where a blog's base font and colours go.
 * Rules are rebuilt from the parsed rules, never pasted from the text, so a stray `}` cannot
 * close the scope early; a rule that does not survive the rebuild is dropped.
 *
 * The id in every selector also outweighs the app's own preview styles (classes), as the
 * blog's stylesheet should inside the preview. `@font-face` and `@keyframes` stay as they are
 * (they style nothing by themselves); `@page` and anything unknown are dropped.
 */

/** Splits a selector list at its top-level commas (not those inside `:is(…)`, `[…]`, strings). */
export function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '\\') i++;
    else if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** One selector, confined under `root` (e.g. `#blog-css`). */
export function scopeSelector(selector: string, root: string): string {
  // `html`, `:root`, `body` and `html body` at the start name the page: the root itself.
  let rest = selector;
  const top = /^(?:html|:root)(?![\w-])/i.exec(rest);
  if (top) rest = rest.slice(top[0].length);
  const body = (top ? /^\s+body(?![\w-])/i : /^body(?![\w-])/i).exec(rest);
  if (body) rest = rest.slice(body[0].length);
  // `body.home p` -> `#root.home p`; `html body > p` -> `#root > p`; `h1` -> `#root h1`.
  return top || body ? `${root}${rest}` : `${root} ${selector}`;
}

function scopeRules(rules: CSSRuleList, root: string): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    if (rule instanceof CSSStyleRule) {
      const selectors = splitSelectors(rule.selectorText).map((s) => scopeSelector(s, root));
      if (selectors.length) out.push(`${selectors.join(', ')} { ${rule.style.cssText} }`);
    } else if (rule instanceof CSSMediaRule) {
      out.push(`@media ${rule.conditionText} { ${scopeRules(rule.cssRules, root).join('\n')} }`);
    } else if (rule instanceof CSSSupportsRule) {
      out.push(`@supports ${rule.conditionText} { ${scopeRules(rule.cssRules, root).join('\n')} }`);
    } else if (rule instanceof CSSFontFaceRule || rule instanceof CSSKeyframesRule) {
      out.push(rule.cssText);
    }
  }
  return out;
}

/** A stylesheet holding the blog's rules, confined under `root`. */
export function scopedStylesheet(css: string, root: string): CSSStyleSheet {
  const parsed = new CSSStyleSheet();
  parsed.replaceSync(css);
  const sheet = new CSSStyleSheet();
  for (const rule of scopeRules(parsed.cssRules, root)) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      // Not one whole rule after all: dropped rather than trusted.
    }
  }
  return sheet;
}
