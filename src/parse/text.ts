/**
 * Text and Markdown → mdast, with remark's positions (line/column/offset in the decoded file).
 * remark-gfm adds tables (some extracted plans carry pipe tables). Nothing else: the Plan builder
 * reads the structure from Vietnamese numbering ("I.", "1.", "a)"), not from remark's
 * headings and lists, which real documents use inconsistently.
 *
 * This module imports unified at load time; src/parse/index.ts imports it lazily.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { Root } from 'mdast';
import type { ParsedDocument } from './types.js';

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseText(text: string, filePath: string): ParsedDocument {
  const normalized = text.normalize('NFC');
  const tree = processor.runSync(processor.parse(normalized)) as Root;
  return { format: 'text', filePath, tree, source: normalized, pages: null };
}
