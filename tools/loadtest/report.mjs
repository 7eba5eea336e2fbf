// Turns the JSON lines of loadtest.mjs into the Markdown table of docs/performance.md.
// Usage: node report.mjs results.jsonl
import { readFileSync } from 'node:fs';

const rows = readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
const ms = (v) => (v == null ? 'n/a' : v.toFixed(1));
const mib = (v) => (v == null ? 'n/a' : v.toFixed(0));
const first = rows[0] ?? {};
console.log(`Rate ${first.rate} commands/s (1/3 public news, 2/3 private orders), ${first.durationS} s measured per row.`);
console.log('');
console.log('| N | server | commands (errors) | accepted → received p50 / p99 ms | sent → received p50 / p99 ms | HTTP accept p50 / p99 ms | deliveries | messages/s | missing / gaps / dups | server RSS idle → connected → end (peak) MiB | server CPU | tool event-loop delay p99 | connect all (s) / Join p50 ms / Join reply KiB | load avg start → end |');
console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  console.log(
    `| ${r.clients} | ${r.label} | ${r.commands} (${r.commandErrors}) | ${ms(r.deliveryFromAcceptedMs.p50)} / ${ms(r.deliveryFromAcceptedMs.p99)} | ${ms(r.deliveryFromSentMs.p50)} / ${ms(r.deliveryFromSentMs.p99)} | ${ms(r.acceptMs.p50)} / ${ms(r.acceptMs.p99)} | ${r.deliveries} | ${r.messagesPerSecond.toFixed(0)} | ${r.missing} / ${r.target === 'gateway' ? r.gaps : 'n/a'} / ${r.duplicates} | ${mib(r.serverRssIdleMiB)} → ${mib(r.serverRssConnectedMiB)} → ${mib(r.serverRssEndMiB)} (${mib(r.serverPeakMiB)}) | ${r.serverCpuPercent == null ? 'n/a' : r.serverCpuPercent.toFixed(0) + ' %'} | ${ms(r.toolEventLoopDelayP99Ms)} ms | ${r.connectSeconds?.toFixed(1)} / ${ms(r.connectJoinMs?.p50)} / ${r.joinReplyChars ? (r.joinReplyChars / 1024).toFixed(0) : 'n/a'} | ${r.loadAverageStart} → ${r.loadAverageEnd} |`,
  );
  if (r.firstError) console.log(`\nFirst command error (${r.label}, N=${r.clients}): ${r.firstError}\n`);
}
