/** The terms stage: marks the glossary's terms in every sentence (see `pipeline/terms/stage.ts`). */
import type { DocumentFile, Stage } from '../file.js';
import { annotateTerms } from '../terms/stage.js';
import type { RunContext } from './context.js';

export const termsStage: Stage<DocumentFile, RunContext> = {
  name: 'terms',
  run(file, { project }) {
    // Every configured language's targets travel in the spans, whatever languages this run does:
    // the spans are the same for every run, so an XLIFF file never depends on `--lang`.
    annotateTerms(project.matcher, project.config.targetLanguages)(file.doc, (m) => file.message(m));
  },
};
