import { createHash, hash } from 'node:crypto';
import { macOverTail, macPrefix } from './audit-chain';

const BLOCK = 64;
/** Room for an event's canonical message; longer ones (large `changes`) take Node's createHmac instead. */
const SCRATCH_BYTES = 64 * 1024;
/** A UTF-8 character takes at most 4 bytes: a write ending closer than that to the end may have been cut short. */
const UTF8_MAX = 4;

/**
 * HMAC-SHA256 (RFC 2104) as macOverTail computes it, for the verifier's loop over a million events: createHmac
 * builds two hash objects per call, which costs more than hashing the ~300 bytes. Here the padded keys are prepared
 * once, the message is written into a reused buffer and hashed with the one-shot crypto.hash. A mistake here could
 * only make an intact chain look broken (a stored MAC still has to match), and the writer keeps createHmac, so the
 * integration tests compare the two. One checker per walk of a lane: the buffers are its own.
 */
export class ChainMacChecker {
  private readonly inner = Buffer.allocUnsafe(SCRATCH_BYTES);
  private readonly outer = Buffer.allocUnsafe(BLOCK + 32);

  constructor(
    private readonly key: Buffer,
    private readonly organizationJson: string,
    private readonly lane: number,
  ) {
    const block = Buffer.alloc(BLOCK);
    (key.length > BLOCK ? createHash('sha256').update(key).digest() : key).copy(block);
    for (let i = 0; i < BLOCK; i++) {
      this.inner[i] = block[i] ^ 0x36;
      this.outer[i] = block[i] ^ 0x5c;
    }
  }

  /** The event's MAC (hex) from the previous MAC and the content tail PostgreSQL rendered. */
  mac(previousMac: string | null, tail: string): string {
    const prefix = macPrefix(previousMac, this.organizationJson, this.lane);
    const prefixBytes = this.inner.write(prefix, BLOCK, 'utf8');
    const end = BLOCK + prefixBytes + this.inner.write(tail, BLOCK + prefixBytes, 'utf8');
    if (end > SCRATCH_BYTES - UTF8_MAX) return macOverTail(this.key, previousMac, this.organizationJson, tail, this.lane);
    this.outer.write(hash('sha256', this.inner.subarray(0, end), 'hex'), BLOCK, 'hex');
    return hash('sha256', this.outer, 'hex');
  }
}

