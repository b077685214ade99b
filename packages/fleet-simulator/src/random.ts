/** A small seeded PRNG (mulberry32) so a scenario is the same on every run. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A git commit SHA-like hex string from a seed. */
export function fakeSha(random: () => number): string {
  let sha = '';
  while (sha.length < 40)
    sha += Math.floor(random() * 0xffffffff)
      .toString(16)
      .padStart(8, '0');
  return sha.slice(0, 40);
}
