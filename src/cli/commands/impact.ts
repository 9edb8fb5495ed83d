import type { Command } from '../command.js';
import { DB_OPTION, choice, flag, listOption, stringOption } from '../command.js';
import { withStore } from '../context.js';
import { CommandError, EXIT, UsageError } from '../io.js';

export const impactCommand: Command = {
  name: 'impact',
  summary: 'Estimate what a policy did to a series: segmented regression or difference-in-differences, with intervals and caveats.',
  usage: 'bilat impact --policy ID --series NAME [--control SERIES…] [--method its|did] [--change start|end] [--scale level|log] [--pool SERIES… | --no-pool] [--format text|json|markdown]',
  description: [
    'its: segmented regression with a level and slope change at the policy date, month-of-year (or quarter) dummies when',
    '     the series is long enough, Newey–West standard errors and a calibrated critical value (docs/impact.md).',
    'did: the treated series against the mean of the controls; with enough consecutive periods, Newey–West on the gap;',
    '     with a period or two before and after, an interval from how much untreated series (controls plus a comparison',
    '     pool, chosen automatically unless --pool or --no-pool) changed relative to one another.',
    'The policy date is the start of the instrument\'s earliest version, or of the version named (ID/v2).',
    'Controls are checked against the policy registry: a control whose own country pair changed policy is flagged.',
    'When the data cannot support an estimate the command says why and what could be estimated instead (exit code 1).',
  ].join('\n'),
  options: {
    policy: { type: 'string', value: 'ID', description: 'policy instrument or version id (see `bilat policies list`)' },
    series: { type: 'string', value: 'NAME', description: 'the series the policy should move (see `bilat series list`)' },
    control: { type: 'string', multiple: true, value: 'SERIES', description: 'control series for difference-in-differences' },
    method: { type: 'string', value: 'its|did', description: 'default: did with controls, else its' },
    change: { type: 'string', value: 'start|end', description: 'the policy date: when the version starts (default), or the day after it ends (a lifting)' },
    scale: { type: 'string', value: 'level|log', description: 'default: level for its, log for did' },
    pool: { type: 'string', multiple: true, value: 'SERIES', description: 'comparison series for a cross-unit interval (default: chosen automatically)' },
    'no-pool': { type: 'boolean', description: 'no comparison pool: only the controls give the interval' },
    format: { type: 'string', value: 'text|json|markdown', description: 'output format (default text)' },
    db: DB_OPTION,
  },
  examples: [
    'bilat impact --policy cn-visa-free-kor --series kr_departures_china_jan_aug --control kr_departures_japan_jan_aug',
    'bilat impact --policy cn-visa-free-kor --series kr_departures_china_monthly',
    'bilat impact --policy kr-group-visa-free-chn --series cn_visitors_korea_monthly --format json',
    'bilat impact --policy cn-group-tour-ban-kor --change end --series cn_visitors_korea_monthly',
  ],
  async run(args, io) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}" (give everything as flags)`);
    const policy = stringOption(args, 'policy');
    const series = stringOption(args, 'series');
    if (!policy || !series) throw new UsageError(`give ${[!policy && '--policy ID', !series && '--series NAME'].filter(Boolean).join(' and ')}`);
    const controls = listOption(args, 'control');
    const methodFlag = stringOption(args, 'method');
    const method = methodFlag === undefined ? undefined : choice(args, 'method', ['its', 'did'] as const, 'its');
    const scaleFlag = stringOption(args, 'scale');
    const scale = scaleFlag === undefined ? undefined : choice(args, 'scale', ['level', 'log'] as const, 'level');
    const format = choice(args, 'format', ['text', 'json', 'markdown'] as const, 'text');
    const change = choice(args, 'change', ['start', 'end'] as const, 'start');
    const poolList = listOption(args, 'pool');
    if (flag(args, 'no-pool') && poolList.length) throw new UsageError('--pool and --no-pool cannot be combined');
    if ((poolList.length || flag(args, 'no-pool')) && (method ?? (controls.length ? 'did' : 'its')) !== 'did') throw new UsageError('--pool and --no-pool apply to difference-in-differences only');
    if (new Set([series, ...controls]).size !== controls.length + 1) throw new UsageError('a series cannot be its own control, and each control may be given once');
    const { selectImpact, ImpactInputError } = await import('../../store/queries/impact.js');
    const { renderImpactText, renderImpactMarkdown } = await import('../../impact/render.js');
    const response = await withStore(args, io, async (store) => {
      try {
        return await selectImpact(store, { policy, series, controls, method, scale, change, pool: flag(args, 'no-pool') ? [] : poolList.length ? poolList : undefined });
      } catch (err) {
        if (err instanceof ImpactInputError) throw new CommandError(err.message);
        throw err;
      }
    });
    if (format === 'json') io.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
    else if (format === 'markdown') io.stdout.write(renderImpactMarkdown(response));
    else if (response.status === 'ok') io.stdout.write(renderImpactText(response));
    if (response.status === 'refused') {
      if (format === 'text') io.stderr.write(`bilat impact: ${renderImpactText(response)}`);
      else io.stderr.write(`bilat impact: refused: ${response.reason}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  },
};
