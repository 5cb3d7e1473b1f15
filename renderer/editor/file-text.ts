/**
 * A file's text versus the editor's document: the BOM lives outside the editor (an invisible
 * character the writer cannot see to keep), and the line separator is the file's own.
 */
const BOM = '\uFEFF';

export interface FileTextShape {
  bom: boolean;
  lineSeparator: '\n' | '\r\n';
}

export function splitFileText(text: string): FileTextShape & { doc: string } {
  const bom = text.startsWith(BOM);
  const doc = bom ? text.slice(1) : text;
  const crlf = (doc.match(/\r\n/g) ?? []).length;
  const lf = (doc.match(/\n/g) ?? []).length - crlf;
  return { bom, doc, lineSeparator: crlf > lf ? '\r\n' : '\n' };
}

export function joinFileText(shape: FileTextShape, doc: string): string {
  return (shape.bom ? BOM : '') + doc;
}
