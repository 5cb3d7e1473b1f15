import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  inferSchema,
  schemaFromConfig,
  withSuggestions,
  type BlogSchema,
  type FieldObservations,
} from '../../../shared/schema.ts';

export const CONFIG_FILE = '.folio/config.yaml';

/**
 * The blog's declared schema (`.folio/config.yaml`) with suggestions from its posts, or one
 * inferred from the posts. A broken config falls back to inference and says why.
 */
export function loadBlogSchema(root: string, fields: FieldObservations): BlogSchema {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) return inferSchema(fields);
  try {
    const declared = schemaFromConfig(parse(readFileSync(file, 'utf8')));
    // A config without types (only a generator, say) keeps the inferred fields.
    if (declared.source === 'inferred') {
      return { ...inferSchema(fields), dateFormat: declared.dateFormat };
    }
    return withSuggestions(declared, fields);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ...inferSchema(fields),
      error: message?.startsWith('.folio') ? message : `${CONFIG_FILE}: ${message}`,
    };
  }
}

/** The `dateFormat` the blog's config declares, if it is readable and declares a valid one. */
export function configDateFormat(root: string): string | null {
  const file = path.join(root, CONFIG_FILE);
  if (!existsSync(file)) return null;
  try {
    return schemaFromConfig(parse(readFileSync(file, 'utf8'))).dateFormat;
  } catch {
    // A broken config is reported where the schema is shown; dates then follow the setting.
    return null;
  }
}
