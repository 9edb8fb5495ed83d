import type { BriefData } from './collect.js';
import { fmt, policyChangeText, policyInForceText, policySource, signed, sparkline, statisticText, title, trendSentences } from './text.js';

/** Escape text from the data for Markdown: nothing in it can open a link, emphasis or a table cell. */
export function mdEscape(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

const cite = (n: number | null) => (n === null ? '' : ` [E${n}](#e${n})`);

/** The brief as Markdown: every claim cites numbered evidence listed at the end. */
export function renderBriefMarkdown(d: BriefData): string {
  const out: string[] = [`# ${mdEscape(title(d))}`, ''];
  out.push(`Made by Bilat from ${d.documents} stored document(s)${d.data_as_of ? `, last ingested ${d.data_as_of}` : ''}. Events are fused events (one per real-world event); every claim cites a sentence listed under *Evidence*.`, '');
  out.push('## Trend', '', ...trendSentences(d).map(mdEscape), '');
  if (d.index.months.length) {
    const m = d.index.months;
    out.push(`\`${sparkline(m.map((x) => x.index))}\` ${m[0]!.month} … ${m[m.length - 1]!.month} (monthly index, scaled to its range ${fmt(Math.min(...m.map((x) => x.index)))} … ${fmt(Math.max(...m.map((x) => x.index)))})`, '');
  }
  out.push('## What changed', '');
  if (!d.moves.length) out.push('No monthly move of the index in this period.', '');
  d.moves.forEach((mv, i) => {
    const events = mv.events.map((e) => `${mdEscape(e.label)} (${signed(e.contribution)})${cite(e.evidence)}`).join('; ');
    out.push(`${i + 1}. **${mv.month.month}: ${signed(mv.month.change)}** to ${fmt(mv.month.index)}${events ? ` — ${events}` : ' — decay toward the baseline only'}${mv.month.decay ? `; decay ${signed(mv.month.decay)}` : ''}`);
  });
  if (d.moves.length) out.push('');
  out.push('## Top events', '', 'By importance: |PLOVER score| × number of outlets.', '');
  if (!d.top_events.length) out.push('No fused event between the two is dated in this period.', '');
  else {
    out.push('| # | date | event | score | reports | outlets | sources |', '| --- | --- | --- | --- | --- | --- | --- |');
    d.top_events.forEach((t, i) => {
      const e = t.event;
      const sources = t.sources.map((s) => `${mdEscape(s.outlet ?? 'unnamed outlet')}${s.published ? ` ${s.published}` : ''}${cite(s.evidence)}`).join('; ');
      out.push(`| ${i + 1} | ${e.date?.start ?? 'undated'} | ${mdEscape(t.label)} | ${e.score} | ${e.reports} | ${e.sources} | ${sources} |`);
    });
    out.push('');
  }
  out.push('## Key statistics', '');
  if (!d.statistics.length) out.push('No statistic about the pair in this period.', '');
  for (const s of d.statistics) out.push(`- ${mdEscape(statisticText(s.row))}${cite(s.evidence)}`);
  if (d.statistics.length) out.push('');
  out.push('## Notable quotes', '');
  if (!d.quotes.length) out.push('No direct quote from either side in this period.', '');
  for (const q of d.quotes) out.push(`- “${mdEscape(q.row.text)}” — ${mdEscape(q.row.speaker?.name ?? q.row.speaker?.text ?? 'unattributed')} (${q.row.speaker?.country ?? '?'}), ${q.row.published ?? 'undated'}${cite(q.evidence)}`);
  if (d.quotes.length) out.push('');
  out.push('## Policies', '');
  const src = (v: Parameters<typeof policySource>[0]) => {
    const s = policySource(v);
    return s ? ` (source: ${s.url ? `[${mdEscape(s.text)}](${s.url.replace(/[()\s]/g, encodeURIComponent)})` : mdEscape(s.text)})` : '';
  };
  out.push(`In force on ${d.params.to}:`, '');
  if (!d.policies_in_force.length) out.push('- none recorded');
  for (const i of d.policies_in_force) out.push(`- ${mdEscape(policyInForceText(i))}${src(i.version)}`);
  out.push('', 'Changed in the period:', '');
  if (!d.policy_changes.length) out.push('- none recorded');
  for (const c of d.policy_changes) out.push(`- ${mdEscape(policyChangeText(c))}${src(c.version)}`);
  out.push('', '## Evidence', '');
  if (!d.evidence.length) out.push('None cited.');
  for (const e of d.evidence) {
    out.push(`<a id="e${e.n}"></a>**E${e.n}** document \`${e.document_id}\`, sentence ${e.sentence_index ?? '?'} (characters ${e.start}–${e.end}) — ${mdEscape(e.title ?? 'untitled')}, ${mdEscape(e.outlet ?? 'unnamed outlet')}, ${e.published ?? 'undated'}: “${mdEscape(e.sentence)}”`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
