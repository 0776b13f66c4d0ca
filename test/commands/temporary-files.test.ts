/**
 * Temporary files that a killed process left behind (`.l10n-tmp-<pid>-<name>`, a write cut off
 * by SIGKILL or a power cut) are never read as project files nor reported as orphans, and the
 * next write into their folder removes those of processes that no longer run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';

/** A process id above Linux's largest (pid_max is at most 2^22): no process has it. */
const DEAD_PID = 99_999_999;

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('temporary files left by a killed process', () => {
  it('are not orphans in the report, not glossary files, and are removed by the next write into their folder; those of running processes stay', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const stale = [
      `translations/en/.l10n-tmp-${DEAD_PID}-gipfel.xlf`,
      `output/en/.l10n-tmp-${DEAD_PID}-gipfel.txt`,
    ];
    project.write(stale[0] as string, '<?xml version="1.0"?><xliff version="1.2"><file'); // cut off mid-write
    project.write(stale[1] as string, 'Meeting in');
    // A half-written glossary: read as a glossary it would stop every command (exit 2).
    project.write(`glossary/.l10n-tmp-${DEAD_PID}-terms.yaml`, 'terms:\n  - source: [');
    // Another l10n still writing (its process runs): neither removed nor reported.
    const running = `translations/fr/.l10n-tmp-${process.ppid}-gipfel.xlf`;
    project.write(running, '<?xml');

    const built = await project.run(['build', '--format', 'json']);
    expect(built.code).toBe(0);
    const reports = JSON.parse(built.stdout) as Array<{ messages: Array<{ ruleId: string; file?: string }> }>;
    const messages = reports.flatMap((r) => r.messages);
    expect(messages.filter((m) => m.ruleId === 'build/orphan-xliff' || m.ruleId.startsWith('glossary/'))).toEqual([]);
    expect(messages.some((m) => m.file?.includes('.l10n-tmp-') === true)).toBe(false);
    expect(project.read('output/en/report.json')).not.toContain('.l10n-tmp-');

    // The build wrote output/en: its stale file is gone. Extract writes translations/en and /fr.
    expect(existsSync(path.join(project.root, stale[1] as string))).toBe(false);
    expect((await project.run(['extract'])).code).toBe(0);
    expect(existsSync(path.join(project.root, stale[0] as string))).toBe(false);
    expect(existsSync(path.join(project.root, running))).toBe(true);
  });
});
