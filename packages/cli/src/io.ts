/** Where a command writes and from which directory it runs; injected so commands are testable. */
export interface CommandIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** True when stdout is a terminal that shows colour (and NO_COLOR is not set). */
  readonly colour?: boolean;
}

/** A command-line failure the user caused: printed as one `Error: …` line, exit status 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Thrown to end a command with its help text on stdout; `status` 0 when help was asked for. */
export class HelpRequested extends Error {
  override readonly name = 'HelpRequested';

  constructor(
    readonly text: string,
    readonly status = 0,
  ) {
    super('help requested');
  }
}
