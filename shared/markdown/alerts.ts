/**
 * GitHub's alerts (`> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]`, `[!CAUTION]`) as
 * callouts, as GitHub shows them and as sites' `render-blockquote` hooks do: through
 * markdown-it-github-alerts, with its opening rule written here so the title is escaped and
 * no icon markup is added (the stylesheet draws the marker), and the block stays plain
 * Markdown for the preview's fast path (shared/markdown/nodes.ts).
 */
import type { MarkdownIt } from 'markdown-it';
import githubAlerts from 'markdown-it-github-alerts';

export function alertsPlugin(md: MarkdownIt): void {
  md.use(githubAlerts, { icons: {} });
  const { escapeHtml } = md.utils;
  md.renderer.rules.alert_open = (tokens, idx, _options, _env, self) => {
    const { title, type } = tokens[idx]!.meta as { title: string; type: string };
    return (
      `<div class="markdown-alert markdown-alert-${escapeHtml(type)}"${self.renderAttrs(tokens[idx]!)}>` +
      `<p class="markdown-alert-title">${escapeHtml(title)}</p>`
    );
  };
}
