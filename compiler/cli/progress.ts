/**
 * A one-line progress indicator for long operations. It draws only on a terminal and never in
 * CI (CI logs are files; carriage returns would clutter them), so scripts and pipes see nothing.
 */
export interface Progress {
  /** Replaces the line with `text`. */
  update(text: string): void;
  /** Clears the line. */
  done(): void;
}

export interface ProgressStream {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

const quiet: Progress = { update: () => undefined, done: () => undefined };

export function createProgress(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): Progress {
  if (stream.isTTY !== true || (env["CI"] !== undefined && env["CI"] !== "" && env["CI"] !== "false")) return quiet;
  let drawn = false;
  return {
    update(text) {
      stream.write(`\r${text}\u001b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write("\r\u001b[K");
      drawn = false;
    },
  };
}
