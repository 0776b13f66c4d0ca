/** The terms stage: marks the glossary's terms in every sentence (see `pipeline/terms/stage.ts`). */
import type { DocumentFile, Stage } from '../file.js';
import { annotateTerms } from '../terms/stage.js';
import type { RunContext } from './context.js';

export const termsStage: Stage<DocumentFile, RunContext> = {
  name: 'terms',
  run(file, { project }) {
    // Every configured language's targets travel in the spans, whatever languages this run does:
    // the spans are the same for every run, so an XLIFF file never depends on `--lang`.
    // A term cut by a sentence boundary is reported; segments a format made as they are (one
    // per key of software strings) are no sentences of one text, so nothing can cut a term there.
    const sentences = file.format?.segmentation !== 'none';
    annotateTerms(project.matcher, project.config.targetLanguages)(file.doc, sentences ? (m) => file.message(m) : undefined);
  },
};
