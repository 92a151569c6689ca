/**
 * Helpers shared by the CLI's tests (excluded from the build: see tsconfig.json).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from './main.js';

/** What one run of the CLI printed, and its exit status. */
export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI with `argv` in the directory `cwd`, keeping what it prints. */
export async function run(argv: string[], cwd = '/'): Promise<CliRun> {
  const out = { stdout: '', stderr: '' };
  const status = await main(argv, { stdout: (text) => void (out.stdout += text), stderr: (text) => void (out.stderr += text), cwd });
  return { status, ...out };
}

/** Writes `files` (paths relative to `root`, and their texts) under `root`, making directories as needed. */
export function writeFiles(root: string, files: Readonly<Record<string, string>>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** `files` written into a new temporary directory, which is returned. */
export function tree(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'kustomize-ts-cli-'));
  writeFiles(root, files);
  return root;
}
