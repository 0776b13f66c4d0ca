/** The segment stage: the project's SRX segmenter splits each block into sentences and gives them ids. */
import type { DocumentFile, Stage } from '../file.js';
import { segmentDocument } from '../segment/stage.js';
import type { RunContext } from './context.js';

export const segmentStage: Stage<DocumentFile, RunContext> = {
  name: 'segment',
  run(file, { project }) {
    segmentDocument(project.segmenter)(file.doc);
  },
};
