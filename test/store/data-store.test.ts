import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  builtinData,
  checkDataFiles,
  createDataStore,
  dataProblems,
  definedDataFiles,
} from '../../src/data/store.js';

describe('the data store', () => {
  it('every shipped file is valid for its schema and already in its parsed form (the build-time check)', () => {
    const failing = checkDataFiles().filter((f) => f.problems.length > 0);
    expect(failing).toEqual([]);
  });

  it('every JSON file of src/data is defined with a schema', () => {
    const files = readdirSync(new URL('../../src/data/', import.meta.url)).filter((f) => f.endsWith('.json'));
    expect(definedDataFiles().sort()).toEqual(files.sort());
  });

  it('the check reports an invalid file, a default left out and a failed extra check', () => {
    const schema = z.object({ name: z.string(), variants: z.array(z.string()).default([]) });
    expect(dataProblems({ name: 'a', variants: [] }, schema)).toEqual([]);
    expect(dataProblems({ name: 1, variants: [] }, schema)[0]).toContain('name');
    expect(dataProblems({ name: 'a' }, schema)).toEqual([
      'differs from its parsed form: write out the defaults the schema fills in',
    ]);
    expect(
      dataProblems({ name: 'a', variants: [] }, schema, (v) => (v.name === 'a' ? ['a is taken'] : [])),
    ).toEqual(['a is taken']);
  });

  it('reads a registry once per process: two stores share the shipped entries', () => {
    const other = createDataStore();
    expect(other.documentTypes).toBe(builtinData.documentTypes);
    expect(other.knowledge.agencies).toBe(builtinData.knowledge.agencies);
  });

  it("merges the user's knowledge entries inside the store (same key: the user's wins)", () => {
    const base = builtinData.knowledge.legalDocuments.find((d) => d.key === 'luat-nsnn-2015')!;
    const store = createDataStore({ knowledge: { legalDocuments: [{ ...base, confidence: 'M' }] } });
    expect(store.knowledge.legalDocuments.find((d) => d.key === 'luat-nsnn-2015')!.confidence).toBe('M');
    expect(builtinData.knowledge.legalDocuments.find((d) => d.key === 'luat-nsnn-2015')!.confidence).toBe(
      base.confidence,
    );
    expect(store.knowledge.legalDocuments.length).toBe(builtinData.knowledge.legalDocuments.length);
  });

  it('derived values are computed once per store', () => {
    const store = createDataStore();
    let runs = 0;
    const words = () =>
      store.derived('test/words', (d) => (runs++, new Set(d.functionWords.entries.map((e) => e.word))));
    expect(words()).toBe(words());
    expect(runs).toBe(1);
    expect(createDataStore().derived('test/words', () => 'other')).toBe('other');
  });
});
