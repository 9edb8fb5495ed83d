/**
 * Exact arithmetic for numbers read from text. A value is a fraction of two BigInts, so
 * "8.19 million" is exactly 8190000 and "two-thirds" stays 2/3 until it is printed; nothing
 * passes through binary floating point until `toNumber`.
 */
export interface Rational {
  n: bigint;
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

export function rat(n: bigint, d = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
}

export const ZERO = rat(0n);
export const ONE = rat(1n);
export const HUNDRED = rat(100n);

/**
 * A decimal string ("647,901", "8.19", "-0.5") as an exact rational.
 *
 * @example parseDecimal('8.19') // → { n: 819n, d: 100n }
 */
export function parseDecimal(text: string): Rational {
  const s = text.replace(/[,\s]/g, '');
  const m = /^([+-]?)(\d*)(?:\.(\d+))?$/.exec(s);
  if (!m || (!m[2] && !m[3])) throw new SyntaxError(`not a decimal number: "${text}"`);
  const frac = m[3] ?? '';
  const n = BigInt(`${m[2] || '0'}${frac}`) * (m[1] === '-' ? -1n : 1n);
  return rat(n, 10n ** BigInt(frac.length));
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const neg = (a: Rational): Rational => rat(-a.n, a.d);
export const abs = (a: Rational): Rational => (a.n < 0n ? neg(a) : a);
export const cmp = (a: Rational, b: Rational): number => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
export const isZero = (a: Rational): boolean => a.n === 0n;
export const pow10 = (k: number): Rational => (k >= 0 ? rat(10n ** BigInt(k)) : rat(1n, 10n ** BigInt(-k)));

/**
 * The value rounded half away from zero to `decimals` places, as a plain decimal string.
 *
 * @example toFixed(div(rat(647901n), rat(403470n)), 4) // → '1.6058'
 */
export function toFixed(a: Rational, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const neg = a.n < 0n;
  const n = neg ? -a.n : a.n;
  const q = (n * scale * 2n + a.d) / (2n * a.d);
  const int = q / scale;
  const frac = q % scale;
  const body = decimals > 0 ? `${int}.${frac.toString().padStart(decimals, '0')}` : `${int}`;
  return neg && q !== 0n ? `-${body}` : body;
}

/** The shortest exact decimal string when the denominator divides a power of ten, else null. */
export function toExactDecimal(a: Rational): string | null {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) (d /= 2n), twos++;
  while (d % 5n === 0n) (d /= 5n), fives++;
  if (d !== 1n) return null;
  return toFixed(a, Math.max(twos, fives)).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** A JavaScript number, rounded to `decimals` places when given (exact decimals are printed exactly). */
export function toNumber(a: Rational, decimals?: number): number {
  if (decimals !== undefined) return Number(toFixed(a, decimals));
  return Number(toExactDecimal(a) ?? toFixed(a, 12));
}
