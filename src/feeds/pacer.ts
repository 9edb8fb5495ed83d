/**
 * Politeness: at most one request to a host every `delayMs`. `wait(url)` resolves when the next
 * request to that URL's host may go out, and books that slot.
 */
export class HostPacer {
  private readonly next = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async wait(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return;
    }
    const now = this.clock();
    const slot = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, slot + this.delayMs);
    if (slot > now) await this.sleep(slot - now);
  }
}
