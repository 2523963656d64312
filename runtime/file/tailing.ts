/**
 * Waking readers that wait at the end of a partition (live subscriptions). The writing process
 * wakes them right after a batch becomes durable. A read-only log has no such signal from the
 * writer in another process, so while anyone waits it polls the files (catching up costs only the
 * bytes appended since the last look) and wakes the partitions that grew.
 */
type Waiter = (() => void) & { force: () => void };

export class PartitionWaiters {
  readonly #waiting = new Map<string, Set<Waiter>>();
  #timer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(
    /** Poll period for read-only logs; undefined when this process is the writer. */
    readonly pollMs: number | undefined,
    readonly poll: () => void,
  ) {}

  /** Resolves when `ready()` holds (checked now and at every wake), on abort, or on close. Never rejects. */
  wait(topic: string, partition: number, ready: () => boolean, signal: AbortSignal): Promise<void> {
    if (this.#closed || signal.aborted || ready()) return Promise.resolve();
    const id = `${partition}\u0000${topic}`;
    return new Promise<void>((resolve) => {
      const set = this.#waiting.get(id) ?? new Set<Waiter>();
      this.#waiting.set(id, set);
      const done = (): void => {
        set.delete(check);
        if (set.size === 0) this.#waiting.delete(id);
        signal.removeEventListener("abort", check);
        this.#schedule();
        resolve();
      };
      const check: Waiter = Object.assign(
        (): void => {
          if (this.#closed || signal.aborted || ready()) done();
        },
        { force: done },
      );
      set.add(check);
      signal.addEventListener("abort", check, { once: true });
      this.#schedule();
    });
  }

  wake(topic: string, partition: number): void {
    const set = this.#waiting.get(`${partition}\u0000${topic}`);
    if (set) for (const check of [...set]) check();
  }

  close(): void {
    this.#closed = true;
    for (const set of [...this.#waiting.values()]) for (const check of [...set]) check();
    this.#schedule();
  }

  /** Polls only while someone waits, so an idle read-only log costs nothing. */
  #schedule(): void {
    const wanted = !this.#closed && this.pollMs !== undefined && this.#waiting.size > 0;
    if (wanted && !this.#timer) {
      this.#timer = setInterval(() => {
        try {
          this.poll();
        } catch {
          // Let every waiter read again: its read refreshes too, and surfaces the error to the
          // subscription (which stops with it) instead of waiting forever on a log that cannot grow.
          for (const set of [...this.#waiting.values()]) for (const check of [...set]) check.force();
        }
      }, this.pollMs);
    } else if (!wanted && this.#timer) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }
}
