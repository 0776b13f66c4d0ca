/**
 * A throw-away copy of the project in a temporary folder, and a way to run the CLI in it without
 * a process: what the e2e and command tests share.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CommandIo } from '../../pipeline/commands/command.js';
import { main } from '../../pipeline/commands/index.js';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface TempProject {
  readonly root: string;
  /** Runs `l10n <args>` in the project, with `input` on stdin and, when given, an environment and an interruption. */
  run(args: readonly string[], input?: string, io?: Pick<CommandIo, 'env' | 'interruptible'>): Promise<RunResult>;
  read(relative: string): string;
  write(relative: string, content: string): void;
  remove(): void;
}

/**
 * Copies the config, sources and glossary (translations only when asked, never outputs) into a
 * fresh folder: of a fixture project, `test/fixtures/projects/<fixture>`, of any other folder
 * (`folder`, whole), or of the bundled project (only the end-to-end test of what the project
 * ships uses that).
 */
export function tempProject(options: { withTranslations?: boolean; fixture?: string; folder?: string } = {}): TempProject {
  const root = mkdtempSync(path.join(tmpdir(), 'l10n-test-'));
  if (options.folder !== undefined) {
    // Any folder of the repository, whole (the software strings site: its code and catalogs).
    cpSync(options.folder, root, { recursive: true });
  } else if (options.fixture !== undefined) {
    const folder = path.join('test/fixtures/projects', options.fixture);
    cpSync(folder, root, {
      recursive: true,
      filter: (source) => options.withTranslations === true || path.relative(folder, source).split(path.sep)[0] !== 'translations',
    });
  } else {
    const parts = ['l10n.config.yaml', 'source', 'glossary', ...(options.withTranslations === true ? ['translations'] : [])];
    for (const part of parts) cpSync(part, path.join(root, part), { recursive: true });
  }
  return {
    root,
    async run(args, input = '', io = {}) {
      let stdout = '';
      let stderr = '';
      const code = await main(args, {
        cwd: root,
        stdin: Readable.from([Buffer.from(input)]),
        stdout: (t) => {
          stdout += t;
        },
        stderr: (t) => {
          stderr += t;
        },
        isTTY: false,
        stdoutIsTTY: false,
        ...io,
      });
      return { code, stdout, stderr };
    },
    read: (relative) => readFileSync(path.join(root, relative), 'utf8'),
    write: (relative, content) => {
      mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
