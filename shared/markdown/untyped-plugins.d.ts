// The markdown-it plugins that ship no types of their own (markdown-it's org writes them in
// plain JavaScript): a plugin is `md.use`d with no options.
declare module 'markdown-it-deflist' {
  import type { PluginSimple } from 'markdown-it';
  const plugin: PluginSimple;
  export default plugin;
}

declare module 'markdown-it-abbr' {
  import type { PluginSimple } from 'markdown-it';
  const plugin: PluginSimple;
  export default plugin;
}
