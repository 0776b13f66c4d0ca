/** The checks stage (build, check): the quality checks of `pipeline/qa/` on each language's targets. */
import { perLanguage } from '../file.js';
import { runChecks } from '../qa/index.js';
import type { BuildContext } from './context.js';
import type { LanguageProfile } from '../languages/index.js';
import type { Project } from '../project.js';
import { isPseudoLocale } from '../pseudo/index.js';

/**
 * The conventions a language's targets are checked against: its own profile, or for a
 * pseudo-locale without a file of its own the source language's, since a pseudo-translation keeps
 * the source's numbers, quotation marks and spacing.
 */
function targetProfile(project: Project, language: string): LanguageProfile {
  if (isPseudoLocale(language) && !project.languages.has(language)) return project.languages.get(project.config.sourceLanguage);
  return project.languages.get(language);
}

export const checksStage = perLanguage<BuildContext>('checks', (track, file, { project, qa }) => {
  if (track.targets === undefined) return;
  const findings = runChecks(
    {
      doc: file.docFor(track.language),
      language: track.language,
      sourceLanguage: project.config.sourceLanguage,
      file: track.xliff,
      targets: track.targets,
      profile: targetProfile(project, track.language),
      sourceProfile: project.languages.get(project.config.sourceLanguage),
    },
    qa,
  );
  for (const m of findings) track.message(m);
  track.findings = findings;
});
