import { fieldDrafts } from './defaults.ts';
import { imagesBesidePost, postInFirstPostFolder } from './naming.ts';
import type { GeneratorProfile } from './types.ts';

/** Any folder of Markdown: what is left when no generator recognises the folder. */
export const plain: GeneratorProfile = {
  ...fieldDrafts,
  name: 'plain',
  title: 'the generator',
  recognise: () => null,
  // A plain folder has no generator, so no folder of it is generated.
  layout: () => ({ postFolders: [''], draftFolders: [], staticRoot: '', generatedFolders: [] }),
  imageFolder: imagesBesidePost,
  newPostPlace: (site, layout, { slug }) => postInFirstPostFolder(site, layout, slug),
};
