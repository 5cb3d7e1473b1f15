import { api } from '../../api.ts';
import type { ImageImporter } from '../../editor/image-drop.ts';

/** The editor's image paste and drop for one post: copies through the main process, reports refusals. */
export function imageImporterFor(
  postPath: string,
  report: (status: { kind: 'ok' | 'error'; text: string }) => void,
): ImageImporter {
  return {
    async importImage({ bytes, name }) {
      try {
        const image = await api.importImage({ postPath, bytes, name });
        report({ kind: 'ok', text: `Added ${image.path}` });
        return image.reference;
      } catch (error) {
        report({ kind: 'error', text: (error as Error).message });
        return null;
      }
    },
    refuse: (text) => report({ kind: 'error', text }),
  };
}
