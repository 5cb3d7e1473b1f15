/**
 * The channel names alone, free of the schema library, so the sandboxed preload stays tiny.
 * shared/api.ts checks that its request and event maps have exactly these keys.
 */
export const requestChannels = [
  'getWorkspace',
  'openWorkspace',
  'listPosts',
  'readPost',
  'savePost',
  'openExternal',
  'getSchema',
  'pickImage',
  'searchPosts',
  'findPostsByTitle',
  'getLibraryStatus',
  'backupPost',
  'discardBackup',
  'listBackups',
  'gitStatus',
  'gitDiff',
  'gitLog',
  'gitCommitAndPush',
  'gitPush',
  'gitSync',
  'gitInit',
  'gitTrust',
  'gitAddRemote',
  'gitAbort',
  'gitContinue',
  'gitCancel',
  'answerCredential',
  'importImage',
  'exportPost',
  'getSettings',
  'updateSettings',
  'revealInFolder',
  'getSiteTemplates',
  'getPreviewCss',
  'setPreviewCss',
  'pickPreviewCss',
  'planTaxonomyEdit',
  'applyTaxonomyEdit',
  'newPostSections',
  'createPost',
  'renamePost',
  'duplicatePost',
  'trashPost',
  'publishPost',
  'unpublishPost',
] as const;

export const eventChannels = [
  'workspaceChanged',
  'menuCommand',
  'indexProgress',
  'gitProgress',
  'credentialRequest',
  'settingsChanged',
  'saveAllAndClose',
  'postsChanged',
  'fileChanged',
] as const;

/**
 * What a menu item can ask the renderer to do: ids of the command registry
 * (renderer/app/commands.ts), described once in shared/commands.ts.
 */
export const menuCommands = [
  'newPost',
  'openFolder',
  'openRecent',
  'save',
  'saveAll',
  'closePost',
  'revealInFolder',
  'undo',
  'redo',
  'find',
  'replace',
  'toggleSidebar',
  'toggleForm',
  'togglePreview',
  'focusMode',
  'typewriter',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'themeAuto',
  'themeLight',
  'themeDark',
  'commandPalette',
  'quickOpen',
  'searchAll',
  'settings',
  'publishDraft',
  'renamePost',
  'duplicatePost',
  'trashPost',
  'gitPublish',
  'gitSync',
  'exportHtml',
  'exportPdf',
] as const;

export type MenuCommand = (typeof menuCommands)[number];

export type RequestChannel = (typeof requestChannels)[number];
export type EventChannel = (typeof eventChannels)[number];
