/**
 * The segment stage: the project's SRX segmenter splits each block into sentences and gives them
 * ids. A format whose reader makes the segments itself (`segmentation: 'none'`, software strings:
 * one segment per key) is left as it is.
 */
import type { DocumentFile, Stage } from '../file.js';
import { segmentDocument } from '../segment/stage.js';
import type { RunContext } from './context.js';

export const segmentStage: Stage<DocumentFile, RunContext> = {
  name: 'segment',
  run(file, { project }) {
    if (file.format?.segmentation === 'none') return;
    segmentDocument(project.segmenter)(file.doc);
  },
};
