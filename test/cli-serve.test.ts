import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from './helpers.js';

/** `bilat serve` as a real process: prints its URL on stderr, answers, and stops cleanly on SIGTERM and SIGINT. */
const dir = tempDir();
afterAll(() => dir.cleanup());

function start(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--db', join(dir.path, 'serve.db'), ...args], { env: { ...process.env, BILAT_DEBUG: '', ...env } });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const m = /(http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url, exited, stderr: () => stderr };
}

describe('bilat serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves the API and stops on %s with exit code 0', async (signal) => {
    const s = start([]);
    const url = await s.url;
    const health = (await (await fetch(`${url}-/health`)).json()) as { ok: boolean; write: boolean };
    expect(health).toMatchObject({ ok: true, write: false });
    // Heavy endpoints answer from the worker thread, errors included.
    const index = (await (await fetch(`${url}relations-index.json?a=CHN&b=KOR`)).json()) as { data: { months: unknown[] } };
    expect(Array.isArray(index.data.months)).toBe(true);
    const impact = await fetch(`${url}impact?policy=none&series=none`);
    expect(impact.status).toBe(404);
    expect(((await impact.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const denied = await fetch(`${url}documents`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } });
    expect(denied.status).toBe(401);
    s.child.kill(signal);
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toContain('shutting down');
  });

  it('accepts writes with --allow-write and BILAT_TOKEN', async () => {
    const s = start(['--allow-write'], { BILAT_TOKEN: 'serve-test-token-0123456789' });
    const url = await s.url;
    expect(((await (await fetch(`${url}-/health`)).json()) as { write: boolean }).write).toBe(true);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it.each([
    [['--allow-write'], {}, 'BILAT_TOKEN'],
    [['--allow-write'], { BILAT_TOKEN: 'short' }, 'too short'],
    [['--port', '70000'], {}, '--port'],
    [['--port', 'http'], {}, '--port'],
    [['extra'], {}, 'unexpected argument'],
  ] as const)('refuses %j with a usage error', async (args, env, message) => {
    const r = await runCli(['serve', '--db', join(dir.path, 'serve.db'), ...args], { env: { ...env } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
