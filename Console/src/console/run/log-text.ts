// The log websocket sends upstream's HTML-ish frames (escaped text, `<font>` colours, `<br>`): turned back into plain text here.

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

const ansi = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Host output without its terminal colour sequences (shown as text, never as markup). */
export const plain = (text: string): string => text.replace(ansi, '');

/** Plain text of one frame: line breaks kept, colour tags and ANSI sequences dropped, entities decoded. */
export function frameText(frame: string): string {
  return frame
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?font[^>]*>/gi, '')
    .replace(ansi, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return entities[name.toLowerCase()] ?? whole;
    });
}

/**
 * The last lines of a growing log, within a line and a character budget; `cut` says whether older text was dropped.
 */
export class CappedLog {
  private lines: string[] = [''];
  private chars = 0;
  cut = false;

  constructor(
    private readonly maxLines = 2000,
    private readonly maxChars = 1024 * 1024,
  ) {}

  append(text: string): void {
    const parts = text.split('\n');
    this.lines[this.lines.length - 1] += parts[0];
    for (let i = 1; i < parts.length; i++) {
      this.lines.push(parts[i]);
    }
    this.chars += text.length;
    let drop = 0;
    while (this.lines.length - drop > this.maxLines || (this.chars > this.maxChars && this.lines.length - drop > 1)) {
      this.chars -= this.lines[drop].length + 1;
      drop++;
    }
    if (drop > 0) {
      this.lines.splice(0, drop);
      this.cut = true;
    }
    if (this.chars > this.maxChars) {
      // One huge line: keep its tail.
      const only = this.lines[0];
      this.lines[0] = only.slice(only.length - this.maxChars);
      this.chars = this.lines[0].length;
      this.cut = true;
    }
  }

  text(): string {
    return this.lines.join('\n');
  }

  clear(): void {
    this.lines = [''];
    this.chars = 0;
    this.cut = false;
  }
}
