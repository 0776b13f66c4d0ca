/** The checks stage (build, check): the quality checks of `pipeline/qa/` on each language's targets. */
import { perLanguage } from '../file.js';
import { runChecks } from '../qa/index.js';
import type { BuildContext } from './context.js';

export const checksStage = perLanguage<BuildContext>('checks', (track, file, { project, qa }) => {
  if (track.targets === undefined) return;
  const findings = runChecks(
    {
      doc: file.docFor(track.language),
      language: track.language,
      sourceLanguage: project.config.sourceLanguage,
      file: track.xliff,
      targets: track.targets,
      profile: project.languages.get(track.language),
      sourceProfile: project.languages.get(project.config.sourceLanguage),
    },
    qa,
  );
  for (const m of findings) track.message(m);
  track.findings = findings;
});
