/**
 * The assemble stage (build): each language's translated document(s), written by the document's
 * format from the skeleton and the published targets. Planned only: the build writes them at the
 * end, for the languages whose findings allow it.
 */
import path from 'node:path';
import { perLanguage } from '../file.js';
import { outputFolder } from '../project.js';
import type { BuildContext } from './context.js';

export const assembleStage = perLanguage<BuildContext>('assemble', (track, file, { project }) => {
  if (track.published === undefined || track.counts === undefined || track.counts.missing > 0 || file.format === undefined) return;
  const folder = outputFolder(project.config, track.language);
  track.outputs = file.format.write(file.docFor(track.language), track.published, { language: track.language }).map((o) => ({
    path: path.join(folder, ...o.name.split('/')),
    content: o.content,
  }));
});
