// A once-a-second loop (ticks start a second apart, however long one takes) that runs only while the page is
// visible and its owner wants it; never two ticks at once.

export class Poller {
  private timer?: number;
  private busy = false;
  private running = false;
  /** Bumped by every start and stop, so a tick that began before them neither stops nor delays the new loop. */
  private generation = 0;
  /** Asked for while a tick was under way: poll again as soon as it ends. */
  private again = false;
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
    this.generation++;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    this.generation++;
    window.clearTimeout(this.timer);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  /** Polls now (after an action changed something), or right after the tick under way. */
  now(): void {
    if (this.busy) {
      this.again = true;
    } else {
      this.schedule(0);
    }
  }

  private schedule(delay: number): void {
    window.clearTimeout(this.timer);
    if (!this.running || document.visibilityState !== 'visible') {
      return;
    }
    this.timer = window.setTimeout(() => void this.run(), delay);
  }

  private async run(): Promise<void> {
    if (this.busy) {
      this.again = true;
      return;
    }
    if (!this.running) {
      return;
    }
    this.busy = true;
    this.again = false;
    const generation = this.generation;
    const started = performance.now();
    let goOn = true;
    try {
      goOn = await this.tick();
    } catch {
      // A failed poll is retried on the next tick; the view keeps what it showed.
    } finally {
      this.busy = false;
    }
    if (generation !== this.generation || this.again) {
      this.schedule(0);
    } else if (goOn) {
      this.schedule(Math.max(0, this.every - (performance.now() - started)));
    } else {
      this.stop();
    }
  }
}
