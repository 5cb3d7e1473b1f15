/** The post's headings (ATX and setext), skipping fenced code and the front matter. */
export interface Heading {
  level: number;
  text: string;
  /** 1-based line in the file. */
  line: number;
}

/** `lineOffset` is added to every line: the body's first line in the file, less one. */
export function outline(text: string, bodyStartLine = 1, lineOffset = 0): Heading[] {
  const lines = text.split(/\r?\n/);
  const headings: Heading[] = [];
  let fence: string | null = null;
  for (let i = bodyStartLine - 1; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!fence) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (fence) continue;
    const atx = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (atx) {
      headings.push({ level: atx[1]!.length, text: atx[2]!.trim(), line: i + 1 + lineOffset });
      continue;
    }
    const next = lines[i + 1];
    if (
      next !== undefined &&
      line.trim() &&
      /^ {0,3}(=+|-+)[ \t]*$/.test(next) &&
      !/^\s*([-*+]|\d+[.)])\s/.test(line)
    ) {
      headings.push({
        level: next.trim().startsWith('=') ? 1 : 2,
        text: line.trim(),
        line: i + 1 + lineOffset,
      });
      i++;
    }
  }
  return headings;
}
