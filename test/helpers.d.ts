export declare const ROOT: string;
export declare const BIN: string;
/** A temporary folder removed after the test file. */
export declare function tempDir(prefix?: string): {
    path: string;
    cleanup(): void;
};
export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}
/** Run the CLI in-process with captured output and a fixed clock. */
export declare function runCli(argv: string[], options?: {
    cwd?: string;
    env?: Record<string, string>;
    stdin?: string | Uint8Array;
    now?: string;
}): Promise<CliResult>;
/** Run the built `bilat` executable as a separate process. */
export declare function spawnCli(argv: string[], options?: {
    cwd?: string;
    env?: Record<string, string>;
    input?: string | Buffer;
}): CliResult;
