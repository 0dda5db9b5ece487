const OPEN_BRACKET = 0x5b; // [
const CLOSE_BRACKET = 0x5d; // ]
const OPEN_BRACE = 0x7b; // {
const CLOSE_BRACE = 0x7d; // }
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Counts how deep arrays and objects nest in JSON bytes as they arrive, without parsing them: a linear scan that
 * skips string contents. UTF-8 continuation bytes are all >= 0x80, so they can never be mistaken for a bracket.
 * Malformed JSON is left for the parser to refuse; this only answers "deeper than the limit?".
 */
export class JsonDepthScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  maxDepthSeen = 0;

  constructor(private readonly maxDepth: number) {}

  /** Feeds the next chunk; false as soon as the nesting goes deeper than the limit. */
  feed(chunk: Uint8Array): boolean {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) this.inString = false;
      } else if (byte === QUOTE) {
        this.inString = true;
      } else if (byte === OPEN_BRACKET || byte === OPEN_BRACE) {
        this.depth += 1;
        if (this.depth > this.maxDepthSeen) this.maxDepthSeen = this.depth;
        if (this.depth > this.maxDepth) return false;
      } else if (byte === CLOSE_BRACKET || byte === CLOSE_BRACE) {
        this.depth -= 1;
      }
    }
    return true;
  }
}
