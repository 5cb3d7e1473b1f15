/**
 * The preview's own stylesheet, cut down to what a post needs on its own: the theme's colour
 * variables (light), the article, code and, when the post has math, KaTeX with its fonts
 * inlined. Read from the loaded style sheets so the export looks like the preview by
 * construction, never from a copy that drifts.
 */
const POST_SELECTOR =
  /(^|[\s,>+~(])(:root(?!\[data-theme=["']?dark)|\.preview-(article|cover|title|meta|tag|body)|\.hljs|\.task-list|\.footnote|\.missing-image|\.tpl|\.markdown-|\.raw-html|dl |dd|dt|abbr)/;
const MATH_SELECTOR = /\.katex/;

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read a font'));
    reader.readAsDataURL(blob);
  });
}

/** An @font-face with its woff2 source inlined (the other formats dropped), or null. */
async function inlineFontFace(rule: CSSFontFaceRule, base: string): Promise<string | null> {
  const src = rule.style.getPropertyValue('src');
  const woff2 = /url\(["']?([^"')]+\.woff2)["']?\)/.exec(src)?.[1];
  if (!woff2) return null;
  const response = await fetch(new URL(woff2, base));
  if (!response.ok) return null;
  const data = await blobToDataUrl(await response.blob());
  return rule.cssText.replace(/src:[^;]+;/, `src: url("${data}") format("woff2");`);
}

export async function exportStylesheet(withMath: boolean): Promise<string> {
  const parts: string[] = [];
  for (const sheet of [...document.styleSheets]) {
    let rules: CSSRuleList;
    try {
      rules = sheet.cssRules;
    } catch {
      continue; // another origin's sheet: not ours
    }
    const base = sheet.href ?? document.baseURI;
    for (const rule of [...rules]) {
      if (rule instanceof CSSStyleRule) {
        const selector = rule.selectorText;
        if (POST_SELECTOR.test(selector) || (withMath && MATH_SELECTOR.test(selector))) {
          parts.push(rule.cssText);
        }
      } else if (withMath && rule instanceof CSSFontFaceRule) {
        if (!/katex/i.test(rule.style.getPropertyValue('font-family'))) continue;
        const inlined = await inlineFontFace(rule, base).catch(() => null);
        if (inlined) parts.push(inlined);
      }
    }
  }
  return parts.join('\n');
}
