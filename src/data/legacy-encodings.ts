/** The code charts of the legacy Vietnamese 8-bit encodings (src/data/legacy-encodings.json), from the data store. */
import { builtinData } from './store.js';
import type { LegacyEncodings } from '../domain/legacy-encodings.js';

export type { LegacyEncodings } from '../domain/legacy-encodings.js';

export function legacyEncodings(): LegacyEncodings {
  return builtinData.legacyEncodings;
}
