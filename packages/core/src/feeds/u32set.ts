/**
 * A set of unsigned 32-bit numbers in one typed array (open addressing, linear probing): a few
 * bytes per member where a JS Set needs tens, so millions of IPv4 addresses fit in bounded memory.
 * Zero is kept in a flag, the empty slot marker being 0.
 */
export class U32Set {
  private slots: Uint32Array;
  private mask: number;
  private shift: number;
  private hasZero = false;
  size = 0;

  constructor(capacity = 1 << 16) {
    let n = 1 << 4;
    while (n < capacity * 2) n <<= 1;
    this.slots = new Uint32Array(n);
    this.mask = n - 1;
    this.shift = 32 - Math.log2(n);
  }

  // Fibonacci hashing: the product's high bits depend on every bit of x.
  private home(x: number): number {
    return Math.imul(x, 0x9e3779b1) >>> this.shift;
  }

  /** Adds `x`; true when it was not there. */
  add(x: number): boolean {
    if (x === 0) {
      if (this.hasZero) return false;
      this.hasZero = true;
      this.size++;
      return true;
    }
    let i = this.home(x);
    for (;;) {
      const s = this.slots[i]!;
      if (s === 0) break;
      if (s === x) return false;
      i = (i + 1) & this.mask;
    }
    this.slots[i] = x;
    if (++this.size * 2 > this.slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.slots.length - 1;
    this.shift -= 1;
    for (const s of old) {
      if (s === 0) continue;
      let i = this.home(s);
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = s;
    }
  }

  *values(): Generator<number> {
    if (this.hasZero) yield 0;
    for (const s of this.slots) if (s !== 0) yield s;
  }
}
