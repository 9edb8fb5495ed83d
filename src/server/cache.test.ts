import { describe, expect, it } from 'vitest';
import { ResponseCache, type CachedResponse } from './cache.js';

const ok = (text: string): CachedResponse => ({ status: 200, body: Buffer.from(text), headers: {} });
const text = (r: CachedResponse) => Buffer.from(r.body).toString();

describe('ResponseCache', () => {
  it('serves a fresh entry without recomputing, and shares one computation between concurrent misses', async () => {
    let t = 0;
    let calls = 0;
    const cache = new ResponseCache({ ttlMs: 100, now: () => t });
    const compute = async () => ok(`v${++calls}`);
    const [a, b] = await Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    expect([text(a), text(b), calls]).toEqual(['v1', 'v1', 1]);
    t = 50;
    expect(text(await cache.get('k', compute))).toBe('v1');
    expect(calls).toBe(1);
  });

  it('serves a stale entry once while it recomputes, then the new value', async () => {
    let t = 0;
    let calls = 0;
    const cache = new ResponseCache({ ttlMs: 100, now: () => t });
    const compute = async () => ok(`v${++calls}`);
    await cache.get('k', compute);
    t = 150;
    expect(text(await cache.get('k', compute))).toBe('v1');
    await new Promise((r) => setTimeout(r, 0));
    expect(text(await cache.get('k', compute))).toBe('v2');
  });

  it('keeps slow answers fresh for ten times their computing time', async () => {
    let t = 0;
    const cache = new ResponseCache({ ttlMs: 100, now: () => t });
    await cache.get('k', async () => {
      t += 50;
      return ok('slow');
    });
    t = 450;
    expect(text(await cache.get('k', async () => ok('new')))).toBe('slow');
    t = 560;
    expect(text(await cache.get('k', async () => ok('new')))).toBe('slow');
    await new Promise((r) => setTimeout(r, 0));
    expect(text(await cache.get('k', async () => ok('newer')))).toBe('new');
  });

  it('recomputes entries older than 30 times their freshness, does not keep errors or non-200 answers, and clears', async () => {
    let t = 0;
    let calls = 0;
    const cache = new ResponseCache({ ttlMs: 100, now: () => t });
    await cache.get('k', async () => ok(`v${++calls}`));
    t = 3500;
    expect(text(await cache.get('k', async () => ok(`v${++calls}`)))).toBe('v2');
    await expect(cache.get('e', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(text(await cache.get('e', async () => ok('fine')))).toBe('fine');
    await cache.get('n', async () => ({ status: 404, body: Buffer.from('no'), headers: {} }));
    expect(text(await cache.get('n', async () => ok('yes')))).toBe('yes');
    cache.clear();
    expect(text(await cache.get('k', async () => ok('after clear')))).toBe('after clear');
  });
});
