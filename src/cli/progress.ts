import { getLang } from '../core/text.js';

/**
 * Progress on stderr for long batches, only when stderr is a terminal (never in pipes, files or CI logs).
 */
export class Progress {
  private readonly enabled: boolean;
  private last = 0;
  private shown = false;

  constructor(private readonly label: string, private readonly total: number, quiet = false) {
    this.enabled = !quiet && Boolean(process.stderr.isTTY) && total >= 2000;
  }

  tick(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 200 && done < this.total) return;
    this.last = now;
    this.shown = true;
    const pct = this.total ? Math.floor((done / this.total) * 100) : 100;
    const unit = getLang() === 'en' ? 'rows' : '行';
    process.stderr.write(`\r${this.label} ${done}/${this.total} ${unit} (${pct}%)   `);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
