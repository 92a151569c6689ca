/** Where a command writes and from which directory it runs; injected so commands are testable. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
}

/** A command-line failure the user caused: printed as one `Error: …` line, exit status 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
