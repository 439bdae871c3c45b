/**
 * The corpus benchmark's thresholds (issue 10) on the hand-checked labels: header accuracy
 * ≥ 97 % per field, precision ≥ 85 % per rule and ≥ 90 % overall, at most 2 false alarms per
 * document. Reads only the labelled documents (and the folders linted together with them), with
 * the same code as `npm run corpus`. Skipped when ../shared/corpus is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt } from './_build.js';
// Plain ESM modules shared with `npm run corpus`.
import * as C from '../bench/corpus/corpus.mjs';
import * as L from '../bench/corpus/labels.mjs';

const { analyseGroups, corpusGroups, loadKh, LABELS_DIR, SHARED } = C as any;
const { loadLabels, score, thresholdFailures, THRESHOLDS } = L as any;

const haveCorpus = existsSync(join(SHARED, 'corpus'));
const skipReason = `${SHARED}/corpus is absent: the corpus benchmark test needs the shared documents`;

describe.skipIf(!haveCorpus)(
  haveCorpus ? 'corpus benchmark' : `corpus benchmark (skipped: ${skipReason})`,
  () => {
    it('every label file is valid and names a document of the corpus', () => {
      const labels = loadLabels(LABELS_DIR);
      const ids = new Set(corpusGroups().flatMap((g: any) => g.files.map((f: any) => f.id)));
      expect(labels.filter((l: any) => !ids.has(l.file)).map((l: any) => l.file)).toEqual([]);
    });

    it('meets the thresholds on the labelled sample', { timeout: 600_000 }, async () => {
      const labels = loadLabels(LABELS_DIR);
      expect(labels.length).toBeGreaterThan(0);
      expect(ensureBuilt()).toBe(true);
      const labelled = new Set(labels.map((l: any) => l.file));
      // A folder linted as one run is read whole (its cross-file findings depend on its siblings).
      const groups = corpusGroups()
        .map((g: any) =>
          g.together && g.files.some((f: any) => labelled.has(f.id))
            ? g
            : { ...g, files: g.files.filter((f: any) => labelled.has(f.id)) },
        )
        .filter((g: any) => g.files.length > 0);
      const results = await analyseGroups(groups, await loadKh());
      const scores = score(results, labels);
      const failures: string[] = thresholdFailures(scores, THRESHOLDS);
      expect(scores.missing).toEqual([]);
      expect(
        failures,
        `${failures.length} below the thresholds (npm run corpus -- --details shows which values and findings)`,
      ).toEqual([]);
    });
  },
);
