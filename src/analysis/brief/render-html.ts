import type { IndexMonth } from '../relations-index.js';
import type { BriefData, EvidenceRef } from './collect.js';
import { fmt, policyChangeText, policyInForceText, policySource, signed, statisticText, title, trendSentences } from './text.js';

/** Escape text for HTML element content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CSS = `
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
.meta{color:#4b5563;font-size:.9rem}
td:nth-child(2){white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f4f6}
a{color:#0550ae}a.ev{font-size:.8rem;text-decoration:none;white-space:nowrap}a.ev:hover,a.ev:focus{text-decoration:underline}
figure{margin:1rem 0}figcaption{color:#4b5563;font-size:.85rem}
svg .axis{stroke:#9ca3af;stroke-width:1}svg .zero{stroke:#6b7280;stroke-dasharray:4 3}svg .line{fill:none;stroke:#0550ae;stroke-width:2}svg .pt{fill:#0550ae}svg text{font-size:11px;fill:#374151}
.up{color:#116329}.down{color:#a40e26}
ol.evidence li{margin-bottom:.5rem}ol.evidence li:target{background:#fff8c5}
blockquote{margin:0;font-style:italic}
@media print{a.ev{color:#000}}
`;

function evLink(n: number | null, list: EvidenceRef[]): string {
  if (n === null) return '';
  const e = list[n - 1]!;
  return ` <a class="ev" href="#ev-${n}" title="${esc(e.sentence)}" aria-label="evidence ${n}: ${esc(e.sentence)}">[${n}]</a>`;
}

/** A line chart of the monthly index on the fixed −9 … +9 scale. */
export function indexChart(months: IndexMonth[], caption: string): string {
  const W = 640;
  const H = 220;
  const left = 36;
  const right = 12;
  const top = 12;
  const bottom = 28;
  const x = (i: number) => left + (months.length === 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (months.length - 1));
  const y = (v: number) => top + ((9 - v) * (H - top - bottom)) / 18;
  const pts = months.map((m, i) => `${x(i).toFixed(1)},${y(m.index).toFixed(1)}`).join(' ');
  const desc = months.map((m) => `${m.month}: ${fmt(m.index)}`).join('; ');
  const ticks = [9, 0, -9].map((v) => `<line class="axis" x1="${left - 4}" x2="${left}" y1="${y(v)}" y2="${y(v)}"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end">${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v)}</text>`).join('');
  const labels = months.length ? `<text x="${x(0)}" y="${H - 8}" text-anchor="start">${esc(months[0]!.month)}</text><text x="${x(months.length - 1)}" y="${H - 8}" text-anchor="end">${esc(months[months.length - 1]!.month)}</text>` : '';
  const dots = months.map((m, i) => `<circle class="pt" cx="${x(i).toFixed(1)}" cy="${y(m.index).toFixed(1)}" r="2.5"><title>${esc(`${m.month}: ${fmt(m.index)} (${signed(m.change)})`)}</title></circle>`).join('');
  return `<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="chart-title chart-desc"><title id="chart-title">${esc(caption)}</title><desc id="chart-desc">${esc(desc)}</desc><line class="axis" x1="${left}" x2="${left}" y1="${top}" y2="${H - bottom}"/><line class="zero" x1="${left}" x2="${W - right}" y1="${y(0)}" y2="${y(0)}"/>${ticks}${labels}<polyline class="line" points="${pts}"/>${dots}</svg><figcaption>${esc(caption)}</figcaption></figure>`;
}

/** The brief as one self-contained HTML page (inline CSS, inline SVG, no scripts, every text escaped). */
export function renderBriefHtml(d: BriefData): string {
  const E = d.evidence;
  const h: string[] = [];
  h.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(title(d))}</title>`, `<style>${CSS.trim()}</style>`, '</head>', '<body>', '<main>');
  h.push(`<h1>${esc(title(d))}</h1>`);
  h.push(`<p class="meta">Made by Bilat from ${d.documents} stored document(s)${d.data_as_of ? `, last ingested ${esc(d.data_as_of)}` : ''}. Events are fused events (one per real-world event); every claim links to the sentence it rests on, listed under <a href="#evidence">Evidence</a>.</p>`);
  h.push('<section aria-labelledby="trend"><h2 id="trend">Trend</h2>', ...trendSentences(d).map((s) => `<p>${esc(s)}</p>`));
  if (d.index.months.length) h.push(indexChart(d.index.months, `Monthly relations index ${d.index.months[0]!.month} to ${d.index.months[d.index.months.length - 1]!.month}, on the −9 … +9 scale`));
  h.push('</section>');
  h.push('<section aria-labelledby="changed"><h2 id="changed">What changed</h2>');
  if (!d.moves.length) h.push('<p>No monthly move of the index in this period.</p>');
  else {
    h.push('<ol>');
    for (const mv of d.moves) {
      const cls = mv.month.change > 0 ? 'up' : 'down';
      const events = mv.events.map((e) => `${esc(e.label)} (${signed(e.contribution)})${evLink(e.evidence, E)}`).join('; ');
      h.push(`<li><strong>${esc(mv.month.month)}: <span class="${cls}">${signed(mv.month.change)}</span></strong> to ${fmt(mv.month.index)}${events ? ` — ${events}` : ' — decay toward the baseline only'}${mv.month.decay ? `; decay ${signed(mv.month.decay)}` : ''}</li>`);
    }
    h.push('</ol>');
  }
  h.push('</section>');
  h.push('<section aria-labelledby="top"><h2 id="top">Top events</h2><p>By importance: |PLOVER score| × number of outlets.</p>');
  if (!d.top_events.length) h.push('<p>No fused event between the two is dated in this period.</p>');
  else {
    h.push('<table><thead><tr><th scope="col">#</th><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Score</th><th scope="col">Reports</th><th scope="col">Outlets</th><th scope="col">Sources</th></tr></thead><tbody>');
    d.top_events.forEach((t, i) => {
      const e = t.event;
      const sources = t.sources.map((s) => `${esc(s.outlet ?? 'unnamed outlet')}${s.published ? ` ${esc(s.published)}` : ''}${evLink(s.evidence, E)}`).join('<br>');
      h.push(`<tr><td>${i + 1}</td><td>${esc(e.date?.start ?? 'undated')}</td><td>${esc(t.label)}</td><td>${e.score}</td><td>${e.reports}</td><td>${e.sources}</td><td>${sources}</td></tr>`);
    });
    h.push('</tbody></table>');
  }
  h.push('</section>');
  h.push('<section aria-labelledby="stats"><h2 id="stats">Key statistics</h2>');
  h.push(d.statistics.length ? `<ul>${d.statistics.map((s) => `<li>${esc(statisticText(s.row))}${evLink(s.evidence, E)}</li>`).join('')}</ul>` : '<p>No statistic about the pair in this period.</p>');
  h.push('</section>');
  h.push('<section aria-labelledby="quotes"><h2 id="quotes">Notable quotes</h2>');
  h.push(d.quotes.length ? `<ul>${d.quotes.map((q) => `<li><blockquote>“${esc(q.row.text)}”</blockquote> — ${esc(q.row.speaker?.name ?? q.row.speaker?.text ?? 'unattributed')} (${esc(q.row.speaker?.country ?? '?')}), ${esc(q.row.published ?? 'undated')}${evLink(q.evidence, E)}</li>`).join('')}</ul>` : '<p>No direct quote from either side in this period.</p>');
  h.push('</section>');
  const src = (v: Parameters<typeof policySource>[0]) => {
    const s = policySource(v);
    if (!s) return '';
    return ` (source: ${s.url && /^https?:\/\//.test(s.url) ? `<a href="${esc(s.url)}">${esc(s.text)}</a>` : esc(s.text)})`;
  };
  h.push('<section aria-labelledby="policies"><h2 id="policies">Policies</h2>', `<h3>In force on ${esc(d.params.to)}</h3>`);
  h.push(d.policies_in_force.length ? `<ul>${d.policies_in_force.map((i) => `<li>${esc(policyInForceText(i))}${src(i.version)}</li>`).join('')}</ul>` : '<p>None recorded.</p>');
  h.push('<h3>Changed in the period</h3>');
  h.push(d.policy_changes.length ? `<ul>${d.policy_changes.map((c) => `<li>${esc(policyChangeText(c))}${src(c.version)}</li>`).join('')}</ul>` : '<p>None recorded.</p>');
  h.push('</section>');
  h.push('<section aria-labelledby="evidence"><h2 id="evidence">Evidence</h2>');
  h.push(E.length ? `<ol class="evidence">${E.map((e) => `<li id="ev-${e.n}"><q>${esc(e.sentence)}</q><br><span class="meta">document <code>${esc(e.document_id)}</code>, sentence ${e.sentence_index ?? '?'} (characters ${e.start}–${e.end}) — ${esc(e.title ?? 'untitled')}, ${esc(e.outlet ?? 'unnamed outlet')}, ${esc(e.published ?? 'undated')}${e.url && /^https?:\/\//.test(e.url) ? `, <a href="${esc(e.url)}">original</a>` : ''}</span></li>`).join('')}</ol>` : '<p>None cited.</p>');
  h.push('</section>', '</main>', '</body>', '</html>');
  return `${h.join('\n')}\n`;
}
