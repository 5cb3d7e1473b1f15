/**
 * Pasting an image (a screenshot on the clipboard) or dropping image files into the editor
 * hands their bytes to `importer` (the main process copies them into the blog) and inserts a
 * Markdown image for each at the cursor or the drop point. Dropping anything else is refused
 * with the importer's message; text drags and text pastes behave as usual.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { MAX_IMAGE_BYTES } from '../../shared/api.ts';

export interface ImageFile {
  bytes: Uint8Array<ArrayBuffer>;
  /** The file's name, for messages (pasted screenshots are often just `image.png`). */
  name: string;
}

export interface ImageImporter {
  /** The Markdown reference of the copied file, or null when it was refused (already reported). */
  importImage(file: ImageFile): Promise<string | null>;
  /** A file refused before it was sent (too large). */
  refuse(message: string): void;
}

function filesOf(transfer: DataTransfer | null): File[] {
  return transfer ? [...transfer.files] : [];
}

/** Where each running import will insert, mapped through the edits made while it runs. */
const track = StateEffect.define<{ id: number; pos: number | null }>();
const insertPoints = StateField.define<ReadonlyMap<number, number>>({
  create: () => new Map(),
  update(points, tr) {
    let next = points;
    if (tr.docChanged) {
      next = new Map([...points].map(([id, pos]) => [id, tr.changes.mapPos(pos, 1)]));
    }
    for (const effect of tr.effects) {
      if (!effect.is(track)) continue;
      const copy = new Map(next);
      if (effect.value.pos === null) copy.delete(effect.value.id);
      else copy.set(effect.value.id, effect.value.pos);
      next = copy;
    }
    return next;
  },
});
let nextId = 0;

async function insertImages(
  view: EditorView,
  files: File[],
  at: number,
  importer: ImageImporter,
): Promise<void> {
  const id = nextId++;
  view.dispatch({ effects: track.of({ id, pos: at }) });
  const references: string[] = [];
  for (const file of files) {
    if (file.size > MAX_IMAGE_BYTES) {
      importer.refuse(
        `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; images up to ${MAX_IMAGE_BYTES / 1024 / 1024} MB can be added`,
      );
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const reference = await importer.importImage({ bytes, name: file.name });
    if (reference !== null) references.push(`![](${reference})`);
  }
  // Another post may be showing by now (its state has no such point): nothing to insert into.
  const pos = view.state.field(insertPoints, false)?.get(id);
  if (pos === undefined) return;
  const insert = references.join('\n\n');
  view.dispatch({
    effects: track.of({ id, pos: null }),
    ...(insert
      ? { changes: { from: pos, insert }, selection: { anchor: pos + insert.length } }
      : {}),
    selection: { anchor: pos + insert.length },
    userEvent: 'input.paste',
    scrollIntoView: true,
  });
  view.focus();
}

export function imageDrop(importer: ImageImporter): Extension {
  return [insertPoints, imageEvents(importer)];
}

function imageEvents(importer: ImageImporter): Extension {
  return EditorView.domEventHandlers({
    paste(event, view) {
      const files = filesOf(event.clipboardData).filter((f) => f.type.startsWith('image/'));
      if (!files.length) return false;
      event.preventDefault();
      const { from, to } = view.state.selection.main;
      if (from !== to) view.dispatch({ changes: { from, to }, userEvent: 'delete' });
      void insertImages(view, files, from, importer);
      return true;
    },
    dragover(event) {
      if (event.dataTransfer?.types.includes('Files')) {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        return true;
      }
      return false;
    },
    drop(event, view) {
      const files = filesOf(event.dataTransfer);
      if (!files.length) return false;
      event.preventDefault();
      const pos =
        view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
      void insertImages(view, files, pos, importer);
      return true;
    },
  });
}
