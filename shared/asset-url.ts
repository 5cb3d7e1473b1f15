/**
 * Where an image path written in a post points, as a URL the renderer can load: remote
 * URLs as they are, site-absolute paths (`/images/a.png`) under the generator's static
 * folder, relative paths next to the post. Returns null for anything that must not load.
 */
export interface AssetContext {
  assetBase: string;
  staticRoot: string;
  /** The post's path relative to the blog folder. */
  postPath: string;
  /** Hexo's `post_asset_folder`: `a.png` in `_posts/hello.md` is `_posts/hello/a.png`. */
  postAssetFolder?: boolean;
  /** Images from the web are not loaded (the writer's setting): they show as a placeholder. */
  blockRemote?: boolean;
  /**
   * The path the site is served under (`/journal`): `/journal/assets/a.png` (what Jekyll's
   * `relative_url` writes) is the file `assets/a.png`.
   */
  basePath?: string;
}

/** An image the web serves (loading it tells that server the post was opened). */
export const isRemoteImage = (src: string): boolean => /^(?:https?:)?\/\//i.test(src.trim());

function normalize(segments: string[]): string[] | null {
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(segment);
  }
  return out;
}

export function resolveAssetUrl(src: string, context: AssetContext): string | null {
  const trimmed = src.trim();
  if (!trimmed) return null;
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (/^data:image\/(png|gif|jpe?g|webp|avif);/i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return null;
  const [pathPart] = trimmed.split(/[?#]/);
  let decoded: string;
  try {
    decoded = decodeURI(pathPart ?? '');
  } catch {
    return null;
  }
  const postFolder = context.postPath.split('/').slice(0, -1);
  const assetFolder = [
    ...postFolder,
    (context.postPath.split('/').at(-1) ?? '').replace(/\.[^.]+$/, ''),
  ];
  const under = context.basePath;
  if (under && decoded.startsWith(`${under}/`)) decoded = decoded.slice(under.length);
  const base = decoded.startsWith('/')
    ? context.staticRoot.split('/')
    : context.postAssetFolder && !decoded.includes('/')
      ? assetFolder
      : postFolder;
  const segments = normalize([...base, ...decoded.split('/')]);
  if (!segments || !segments.length) return null;
  return context.assetBase + segments.map(encodeURIComponent).join('/');
}
