import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether an `Authorization` header carries the expected bearer token. Both sides are hashed
 * to equal-length SHA-256 digests and compared with `timingSafeEqual`, so neither the token's
 * content nor its length leaks through the time the comparison takes.
 *
 * @example bearerMatches('Bearer s3cret', 's3cret') // → true
 */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  const given = createHash('sha256').update(m?.[1] ?? '').digest();
  const expected = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, expected) && m !== null && token.length > 0;
}
