import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePost, readPost, savePost } from '../../electron/services/content/posts.ts';
import { errorCodeOf, syncErrorCodeOf, useTempFolders, writeFiles } from './support/temp.ts';

const tempFolder = useTempFolders();
const POST = 'source/_posts/hello.md';

async function blogWith(bytes: string | Uint8Array): Promise<string> {
  const root = await tempFolder();
  await writeFiles(root, { [POST]: bytes });
  return root;
}

const diskBytes = async (root: string) => new Uint8Array(await readFile(path.join(root, POST)));

describe('readPost and savePost', () => {
  it('round-trips CRLF line endings, a UTF-8 BOM and no final newline byte for byte', async () => {
    const original =
      '\uFEFF---\r\ntitle: Crème brûlée\r\n---\r\nFirst line\r\nLast line, no newline';
    const root = await blogWith(original);
    const before = await diskBytes(root);

    const post = await readPost(root, POST);
    expect(post.text).toBe(original);
    await savePost(root, POST, post.text, post.version);

    expect(await diskBytes(root)).toEqual(before);
    expect(Array.from(before.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('saves the edited text exactly, keeping the BOM and CRLF the writer left in it', async () => {
    const root = await blogWith('\uFEFF---\r\ntitle: Old\r\n---\r\nBody');
    const post = await readPost(root, POST);
    const edited = post.text.replace('Old', 'New');
    await savePost(root, POST, edited, post.version);
    expect(await readFile(path.join(root, POST), 'utf8')).toBe(
      '\uFEFF---\r\ntitle: New\r\n---\r\nBody',
    );
  });

  it('refuses a save over a file changed on disk since it was read, and leaves that file alone', async () => {
    const root = await blogWith('---\ntitle: Mine\n---\nOriginal\n');
    const post = await readPost(root, POST);
    const theirs = '---\ntitle: Theirs\n---\nWritten by another program\n';
    await writeFile(path.join(root, POST), theirs);

    const code = await errorCodeOf(savePost(root, POST, 'my edit\n', post.version));

    expect(code).toBe('CONFLICT');
    expect(await readFile(path.join(root, POST), 'utf8')).toBe(theirs);
  });

  it('refuses a save with a stale version even when the other writer kept the size', async () => {
    const root = await blogWith('aaaa\n');
    const post = await readPost(root, POST);
    await writeFile(path.join(root, POST), 'bbbb\n');
    expect(await errorCodeOf(savePost(root, POST, 'cccc\n', post.version))).toBe('CONFLICT');
    expect(await readFile(path.join(root, POST), 'utf8')).toBe('bbbb\n');
  });

  it('lets a second save go through with the version the first save returned', async () => {
    const root = await blogWith('---\ntitle: One\n---\n');
    const post = await readPost(root, POST);
    const first = await savePost(root, POST, '---\ntitle: Two\n---\n', post.version);
    await savePost(root, POST, '---\ntitle: Three\n---\n', first.version);
    expect(await readFile(path.join(root, POST), 'utf8')).toBe('---\ntitle: Three\n---\n');
  });

  it('returns the version a fresh read reports', async () => {
    const root = await blogWith('---\ntitle: Before\ndate: 2024-01-02\n---\nBody\n');
    const post = await readPost(root, POST);
    const text = '---\ntitle: After the edit\ndate: 2024-03-04 10:00:00\n---\nBody\n';

    const result = await savePost(root, POST, text, post.version);

    expect(result.path).toBe(POST);
    expect(result.version).toEqual((await readPost(root, POST)).version);
    expect(result.version).not.toEqual(post.version);
  });

  it('tells the folder watcher what it will write, before it writes', async () => {
    const root = await blogWith('---\ntitle: Before\n---\n');
    const post = await readPost(root, POST);
    const told: Array<[string, string, string]> = [];
    await savePost(root, POST, 'after\n', post.version, {
      expect: (rel, text) => told.push([rel, text, readFileSync(path.join(root, rel), 'utf8')]),
    });
    // Told with the file still as it was.
    expect(told).toEqual([[POST, 'after\n', '---\ntitle: Before\n---\n']]);
  });

  it('opens a file that is not valid UTF-8 read-only, and never writes over it', async () => {
    const bytes = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x68, 0x69, 0xff, 0xfe, 0x0a]); // "café" in Latin-1
    const root = await blogWith(bytes);

    const post = await readPost(root, POST);

    expect(post.readOnly).toMatch(/not UTF-8 text.*read-only/);
    expect(post.readOnly).toContain(POST);
    expect(post.text).toBe('caf\uFFFD\nhi\uFFFD\uFFFD\n');
    // Even a client that ignores readOnly cannot re-encode the file: the save is refused.
    expect(await errorCodeOf(savePost(root, POST, post.text, post.version))).toBe('NOT_TEXT');
    expect(await diskBytes(root)).toEqual(bytes);
  });

  it('opens a UTF-8 post editable (no readOnly)', async () => {
    const root = await blogWith('---\ntitle: Fine\n---\n');
    expect((await readPost(root, POST)).readOnly).toBeUndefined();
  });

  it('refuses to read a file containing NUL bytes (NOT_TEXT)', async () => {
    const root = await blogWith(Uint8Array.from([0x68, 0x00, 0x69]));
    expect(await errorCodeOf(readPost(root, POST))).toBe('NOT_TEXT');
  });

  it('refuses paths outside the folder for reads and saves', async () => {
    const root = await blogWith('x');
    const post = await readPost(root, POST);
    expect(await errorCodeOf(readPost(root, '../outside.md'))).toBe('OUTSIDE_FOLDER');
    expect(await errorCodeOf(savePost(root, '../outside.md', 'x', post.version))).toBe(
      'OUTSIDE_FOLDER',
    );
  });

  it('reports a missing post as NOT_FOUND', async () => {
    const root = await blogWith('x');
    expect(await errorCodeOf(readPost(root, 'source/_posts/gone.md'))).toBe('NOT_FOUND');
  });

  it('reports a folder given as a post as NOT_FOUND, not as an internal error', async () => {
    const root = await blogWith('x');
    expect(await errorCodeOf(readPost(root, 'source/_posts'))).toBe('NOT_FOUND');
  });
});

describe('decodePost', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  it('keeps a leading BOM in the text so that saving writes it back', () => {
    expect(decodePost(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'a.md')).toEqual({
      text: '\uFEFFa',
    });
  });

  it('decodes multi-byte UTF-8 text unchanged', () => {
    expect(decodePost(encode('日本語 — ✓ 🎉\r\n'), 'a.md')).toEqual({ text: '日本語 — ✓ 🎉\r\n' });
  });

  it('marks Latin-1 bytes read-only instead of silently replacing them', () => {
    const decoded = decodePost(Uint8Array.from([0x63, 0x61, 0x66, 0xe9]), 'a.md');
    expect(decoded.readOnly).toBeDefined();
    expect(decoded.text).toBe('caf\uFFFD');
  });

  it('refuses a binary file named .md: control characters without NUL bytes', () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 32 || 1);
    expect(syncErrorCodeOf(() => decodePost(binary, 'source/_posts/x.md'))).toBe('NOT_TEXT');
    expect(() => decodePost(binary, 'source/_posts/x.md')).toThrow(/binary file/);
  });

  it('accepts text with tabs, form feeds and ANSI colour escapes', () => {
    const text = '\tcode\f\n\u001b[31mred\u001b[0m\r\n';
    expect(decodePost(encode(text), 'a.md')).toEqual({ text });
  });

  it('keeps very long lines and mixed line endings exactly', () => {
    const text = `${'x'.repeat(1_000_000)}\r\nshort\nlast\r`;
    expect(decodePost(encode(text), 'a.md').text).toBe(text);
  });

  it('refuses a UTF-16 file (it has NUL bytes)', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]);
    expect(syncErrorCodeOf(() => decodePost(utf16, 'a.md'))).toBe('NOT_TEXT');
  });

  it('names the file in the error message', () => {
    expect(() => decodePost(Uint8Array.from([0]), 'source/_posts/bin.md')).toThrow(
      /source\/_posts\/bin\.md/,
    );
  });
});
