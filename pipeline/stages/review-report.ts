/**
 * The review report stage (build): a read-only HTML page per document and language,
 * `output/<lang>/<document>.review.html`, for an editor who only reads and for CI artifacts
 * (README.md, "Review"). It shows what the review page shows, from the same model, without script
 * or external files, and the same translations give the same bytes. Planned like the translated
 * documents: written with them, when the language is written.
 */
import path from 'node:path';
import { perLanguage } from '../file.js';
import { outputFolder, reviewReportName } from '../project.js';
import { modelView } from '../review/from-model.js';
import { renderReport } from '../review/report.js';
import type { BuildContext } from './context.js';

export const reviewReportStage = perLanguage<BuildContext>('review-report', (track, file, { project }) => {
  if (track.targets === undefined || track.outputs.length === 0) return;
  const view = modelView({
    doc: file.docFor(track.language),
    language: track.language,
    sourceLanguage: project.config.sourceLanguage,
    file: track.xliff,
    targets: track.targets,
    messages: track.messages,
  });
  track.outputs = [
    ...track.outputs,
    { path: path.join(outputFolder(project.config, track.language), ...reviewReportName(file.name).split('/')), content: renderReport(view) },
  ];
});
