import { describe, expect, it } from 'vitest';
import { HostPacer } from './pacer.js';

describe('HostPacer', () => {
  it('spaces requests to one host and lets other hosts go at once', async () => {
    let now = 1000;
    const waits: number[] = [];
    const pacer = new HostPacer(2000, () => now, async (ms) => {
      waits.push(ms);
    });
    await pacer.wait('https://a.example/feed');
    await pacer.wait('https://a.example/story/1');
    await pacer.wait('https://b.example/feed');
    now += 500;
    await pacer.wait('https://A.example/story/2');
    expect(waits).toEqual([2000, 3500]);
  });
});
