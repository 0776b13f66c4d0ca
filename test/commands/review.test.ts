/**
 * `l10n review`: the command in-process (address, options, a busy port) and as a real process
 * stopped with a real SIGINT while an action is being written. The process is the compiled CLI
 * (`dist/`, which `npm ci` and `npm run build:ts` write), as users run it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempProject, type TempProject } from '../helpers/project.js';
import { runReview } from '../helpers/review.js';

/** The compiled CLI, refused when a source under pipeline/ is newer (the process would run old code). */
function compiledCli(): string {
  const cli = path.resolve('dist/pipeline/cli.js');
  const built = statSync(cli, { throwIfNoEntry: false })?.mtimeMs;
  const newest = Math.max(
    ...readdirSync('pipeline', { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => statSync(path.join('pipeline', f)).mtimeMs),
  );
  if (built === undefined || built < newest) throw new Error('dist/ is missing or older than pipeline/: run `npm run build:ts` first (npm ci does it too).');
  return cli;
}

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

describe('l10n review', () => {
  it('prints the address with its token, serves the project until stopped, and exits 0', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    let listed: unknown;
    const { code, stderr } = await runReview(project.root, ['--reviewer', 'Ana', '--lang', 'fr'], async (url) => {
      const address = new URL(url);
      listed = await (await fetch(`${address.origin}/api/documents?token=${address.searchParams.get('token')}`)).json();
      expect((await fetch(`${address.origin}/api/documents`)).status).toBe(401);
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^Review server on http:\/\/127\.0\.0\.1:\d+\. Open this address \(it holds this session's key; do not share it\):\n {2}http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}\nPress Ctrl-C to stop\.\n/u);
    expect(stderr).toContain('Reviewing as "Ana"');
    expect(stderr).toMatch(/Stopped\. Every change you saved is in the files\.\n$/u);
    expect((listed as { documents: Array<{ language: string }> }).documents.map((d) => d.language)).toEqual(['fr']);
  });

  it('refuses a bad port, a reviewer name on two lines and an unknown language (exit 2) before serving', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    for (const args of [['--port', '80'], ['--port', 'x'], ['--reviewer', 'Ana\nBen'], ['--lang', 'it']]) {
      const result = await project.run(['review', '--reviewer', 'Ana', ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).not.toContain('Review server on');
    }
    expect((await project.run(['review', '--port', '80'])).stderr).toContain('--port: expected a whole number from 1024 to 65535, got "80"');
  });

  it('serves on the port asked for with --port', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    // A port that was free a moment ago: the system's pick, released.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    let served = '';
    const { code } = await runReview(project.root, ['--reviewer', 'Ana', '--port', String(port)], async (url) => {
      served = new URL(url).port;
      expect((await fetch(url)).status).toBe(200);
    });
    expect(code).toBe(0);
    expect(served).toBe(String(port));
  });

  it('says so and exits 3 when the port is taken', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const port = (busy.address() as AddressInfo).port;
      const { code, stderr } = await runReview(project.root, ['--reviewer', 'Ana', '--port', String(port)]);
      expect(code).toBe(3);
      expect(stderr).toContain(`l10n review: port ${port} on 127.0.0.1 is in use\n  hint: choose another with --port`);
    } finally {
      busy.close();
    }
  });

  it('stops on a real SIGINT, finishing the action in flight: the process exits 0 and the file holds every change it answered for', async () => {
    project = tempProject({ fixture: 'artikel', withTranslations: true });
    const root = project.root;
    const child = spawn(process.execPath, [compiledCli(), 'review', '--reviewer', 'Ana'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<URL>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const found = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/u.exec(stderr);
        if (found?.[1] !== undefined) resolve(new URL(found[1]));
      });
      child.on('exit', () => reject(new Error(`l10n review ended before it listened:\n${stderr}`)));
    });
    const token = url.searchParams.get('token') ?? '';
    const loaded = (await (await fetch(`${url.origin}/api/documents/gipfel/en?token=${token}`)).json()) as { version: string };
    const body = JSON.stringify({ version: loaded.version, action: { kind: 'confirm', segment: 's70a4d6b2a639', target: { text: 'Both discussed energy prices.', codes: [] } } });
    // The signal goes the moment the request is on its way.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${url.origin}/api/documents/gipfel/en/actions?token=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      req.end(body, () => child.kill('SIGINT'));
    });
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/Stopping: finishing the changes in progress…\nStopped\. Every change you saved is in the files\.\n$/u);
    expect(stderr).not.toMatch(/\n\s+at /u);
    const xml = readFileSync(path.join(root, 'translations/en/gipfel.xlf'), 'utf8');
    // Either the action was in flight and finished, or the server had begun to stop and refused it: never half.
    expect([200, 503]).toContain(status);
    if (status === 200) expect(xml).toContain('<target state="signed-off" xml:space="preserve">Both discussed energy prices.</target>');
    else expect(xml).toContain('<target state="translated" xml:space="preserve">Both talked about energy prices.</target>');
  });
});
