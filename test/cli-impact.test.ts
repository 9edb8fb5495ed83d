import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tCritical } from '../src/impact/ols.js';
import type { ImpactResult } from '../src/impact/types.js';
import { ROOT, runCli, tempDir } from './helpers.js';

const dir = tempDir();
const db = join(dir.path, 'impact.db');
const STARTER = ['--policy', 'cn-visa-free-kor', '--series', 'kr_departures_china_jan_aug', '--control', 'kr_departures_japan_jan_aug', '--db', db];

beforeAll(async () => {
  const policies = ['china-korea.yaml', 'china-visa-free.yaml', 'japan-korea.yaml'].map((f) => join(ROOT, 'data', 'policies', f));
  expect((await runCli(['policies', 'import', ...policies, '--db', db])).code).toBe(0);
  expect((await runCli(['series', 'import', join(ROOT, 'data', 'series', 'series.yaml'), '--db', db])).code).toBe(0);
});
afterAll(() => dir.cleanup());

describe('bilat impact on the starter data', () => {
  it('China\'s visa waiver on Korean departures to China, Japan as control: an estimate, its interval and its caveats', async () => {
    const r = await runCli(['impact', ...STARTER]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Effect: +33.7% (95% CI −19.7% to +122.8%)');
    expect(r.stdout).toMatch(/Read with: Only 1 year before and 1 year after/);
    expect(r.stdout).toContain('Caveats');
    expect(r.stdout).toMatch(/no spillovers/);
    expect(r.stdout).toMatch(/registry records JPN visa_waiver for KOR \(jp-visa-exemption-kor\/v1\) on the KOR–JPN pair, in force and unchanged/);
  });

  it('JSON: log-point estimate, cross-unit interval with 3 degrees of freedom, counterfactual', async () => {
    const r = JSON.parse((await runCli(['impact', ...STARTER, '--format', 'json'])).stdout) as ImpactResult;
    const est = Math.log(1987547 / 1414053) - Math.log(5946355 / 5657241);
    expect(r.effect.model.value).toBeCloseTo(est, 12);
    expect(r.inference).toMatchObject({ kind: 'cross-unit', df: 3 });
    expect(r.inference.units).toEqual(['kr_departures_japan_jan_aug', 'kr_departures_philippines_jan_aug_index', 'kr_departures_thailand_jan_aug_index', 'kr_departures_vietnam_jan_aug']);
    expect(r.effect.model.ci.high).toBeCloseTo(est + tCritical(0.95, 3) * r.effect.model.se, 12);
    expect(r.effect.percent).toBeCloseTo(100 * (Math.exp(est) - 1), 10);
    expect(r.counterfactual.map((p) => [p.period, p.phase])).toEqual([
      ['2024', 'pre'],
      ['2025', 'post'],
    ]);
    expect(r.counterfactual[1]!.counterfactual).toBeCloseTo(1414053 * (5946355 / 5657241), 4);
  });

  it('Markdown for the brief carries the number, the interval and the caveats', async () => {
    const r = await runCli(['impact', ...STARTER, '--format', 'markdown']);
    expect(r.stdout).toMatch(/^### Impact of China's unilateral visa-free entry/);
    expect(r.stdout).toContain('**+33.7%** (95% CI −19.7% to +122.8%)');
    expect(r.stdout).toContain('**Caveats**');
  });

  it('the monthly series is refused: it starts the month the waiver began; the command says what could be estimated instead', async () => {
    const r = await runCli(['impact', '--policy', 'cn-visa-free-kor', '--series', 'kr_departures_china_monthly', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Refused: kr_departures_china_monthly has no gap-free stretch of data running from before 2024-11-08 to after it.');
    expect(r.stderr).toContain('bilat impact --policy cn-visa-free-kor --series kr_departures_china_jan_aug --control kr_departures_japan_jan_aug --method did');
  });

  it('a series with two months of pre-period is refused with a clear message', async () => {
    const file = join(dir.path, 'two-pre.csv');
    writeFileSync(file, 'period,value\n2024-09,100\n2024-10,104\n2024-11,150\n2024-12,160\n2025-01,171\n2025-02,180\n');
    expect((await runCli(['series', 'import', file, '--name', 'two_pre', '--unit', 'persons', '--frequency', 'month', '--origin', 'KOR', '--destination', 'CHN', '--db', db])).code).toBe(0);
    const r = await runCli(['impact', '--policy', 'cn-visa-free-kor', '--series', 'two_pre', '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Refused: two_pre has only 2 months before 2024-11-08 (2024-09, 2024-10): too few to estimate the pre-policy level and trend.');
  });

  it('warns when a control was itself treated (synthetic control on the CHN–JPN pair)', async () => {
    // Synthetic values for a test, not data: Japanese departures to China, January–August.
    const file = join(dir.path, 'jp-cn.csv');
    writeFileSync(file, 'period,value\n2024,1000000\n2025,1200000\n');
    expect((await runCli(['series', 'import', file, '--name', 'synthetic_jp_to_cn', '--unit', 'persons', '--frequency', 'year', '--months', '1-8', '--origin', 'JPN', '--destination', 'CHN', '--db', db])).code).toBe(0);
    const r = await runCli(['impact', '--policy', 'cn-visa-free-kor', '--series', 'kr_departures_china_jan_aug', '--control', 'synthetic_jp_to_cn', '--control', 'kr_departures_japan_jan_aug', '--format', 'json', '--db', db]);
    const result = JSON.parse(r.stdout) as ImpactResult;
    expect(result.warnings.join('\n')).toMatch(/control synthetic_jp_to_cn was itself treated: the registry records CHN visa_waiver for .*JPN.* \(cn-visa-free-wave-2024-11-30\/v1\) from 2024-11-30 on the JPN–CHN pair/);
  });

  it('--no-pool leaves one control and no interval: refused, with what to add', async () => {
    const r = await runCli(['impact', ...STARTER, '--no-pool']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no interval can be estimated/);
  });

  it('a lifting can be the policy date (--change end): the tour ban\'s end on 2023-08-10', async () => {
    const r = await runCli(['impact', '--policy', 'cn-group-tour-ban-kor', '--change', 'end', '--series', 'cn_visitors_korea_monthly', '--db', db, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'refused', reason: expect.stringContaining('before 2023-08-10') });
  });

  it.each([
    [['impact', '--series', 'x'], 2, /give --policy ID/],
    [['impact', '--policy', 'cn-visa-free-kor', '--series', 'kr_departures_china_monthly', '--pool', 'a'], 2, /--pool and --no-pool apply to difference-in-differences only/],
    [['impact', '--policy', 'cn-visa-free-kor', '--series', 'a', '--control', 'a'], 2, /cannot be its own control/],
    [['impact', '--policy', 'cn-visa-free-kor', '--series', 'a', '--method', 'rdd'], 2, /--method must be one of its, did/],
    [['impact', '--policy', 'nope', '--series', 'kr_departures_china_monthly'], 1, /no policy "nope"/],
    [['impact', '--policy', 'cn-visa-free-kor', '--series', 'nope'], 1, /no series named "nope"/],
    [['impact', '--policy', 'cn-visa-free-kor', '--series', 'kr_departures_china_jan_aug', '--control', 'kr_departures_japan_annual'], 1, /control kr_departures_japan_annual is year but kr_departures_china_jan_aug is year \(months 1-8\)/],
  ])('%j exits %i', async (argv, code, message) => {
    const r = await runCli([...argv, '--db', db]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });
});
