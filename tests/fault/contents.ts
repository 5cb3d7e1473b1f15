/** The two versions the kill test saves in turn: distinct at every 4 KB page, same length-ish. */
export function versionText(which: 'A' | 'B', bytes = 512 * 1024): string {
  const line =
    which === 'A'
      ? 'Version A: the old paragraph, which must survive whole or not at all.\n'
      : 'Version B: the new paragraph, longer, so a torn write shows its seams!!\n';
  return `---\ntitle: Version ${which}\n---\n${line.repeat(Math.ceil(bytes / line.length))}`;
}
