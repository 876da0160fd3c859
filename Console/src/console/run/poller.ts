// A once-a-second loop (ticks start a second apart, however long one takes) that runs only while the page is
// visible and its owner wants it; never two ticks at once.

export class Poller {
  private timer?: number;
  private busy = false;
  private running = false;
  private readonly onVisibility = () => this.schedule(0);

  constructor(
    private readonly tick: () => Promise<boolean>,
    private readonly every = 1000,
  ) {}

  /** Starts polling; `tick` returns whether to go on. */
  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    window.clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Polls now (after an action), unless a tick is under way. */
  now(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    window.clearTimeout(this.timer);
    if (!this.running || document.visibilityState !== 'visible') {
      return;
    }
    this.timer = window.setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    if (this.busy || !this.running) {
      return;
    }
    this.busy = true;
    const started = performance.now();
    let again = true;
    try {
      again = await this.tick();
    } catch {
      // A failed poll is retried on the next tick; the view keeps what it showed.
    } finally {
      this.busy = false;
    }
    if (again) {
      this.schedule(Math.max(0, this.every - (performance.now() - started)));
    } else {
      this.stop();
    }
  }
}
