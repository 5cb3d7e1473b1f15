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
  'gitAddRemote',
  'gitAbort',
  'gitContinue',
  'gitCancel',
  'answerCredential',
  'importImage',
  'exportPost',
] as const;

export const eventChannels = [
  'workspaceChanged',
  'menuCommand',
  'indexProgress',
  'gitProgress',
  'credentialRequest',
] as const;

export type RequestChannel = (typeof requestChannels)[number];
export type EventChannel = (typeof eventChannels)[number];
