/** A worker thread of the corpus benchmark: reads and lints the documents it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { analyseAlone, loadKh } from './corpus.mjs';

const kh = await loadKh();
parentPort.on('message', async ({ doc, group }) => {
  try {
    parentPort.postMessage({ result: await analyseAlone(doc, group, kh) });
  } catch (error) {
    // A rule that throws is a bug in kh: the run stops and says where.
    parentPort.postMessage({ error: `${doc.id}: ${error instanceof Error ? error.message : String(error)}` });
  }
});
