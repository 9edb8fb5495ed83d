import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../src/cli/main.js';
export const ROOT = join(import.meta.dirname, '..');
export const BIN = join(ROOT, 'bin', 'bilat.js');
/** A temporary folder removed after the test file. */
export function tempDir(prefix = 'bilat-test-') {
    const path = mkdtempSync(join(tmpdir(), prefix));
    return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}
/** Run the CLI in-process with captured output and a fixed clock. */
export async function runCli(argv, options = {}) {
    let stdout = '';
    let stderr = '';
    const io = {
        stdout: { write: (s) => (stdout += s) },
        stderr: { write: (s) => (stderr += s) },
        env: { ...options.env },
        cwd: options.cwd ?? process.cwd(),
        now: () => new Date(options.now ?? '2026-11-23T12:00:00Z'),
        readStdin: async () => (typeof options.stdin === 'string' ? Buffer.from(options.stdin) : (options.stdin ?? new Uint8Array())),
    };
    const code = await main(argv, io);
    return { code, stdout, stderr };
}
/** Run the built `bilat` executable as a separate process. */
export function spawnCli(argv, options = {}) {
    const r = spawnSync(process.execPath, [BIN, ...argv], {
        cwd: options.cwd,
        env: { ...process.env, BILAT_DEBUG: '', ...options.env },
        input: options.input,
        encoding: 'utf8',
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
//# sourceMappingURL=helpers.js.map