import { loadRedFlagRules } from './safety/RedFlagRules';
import { RedFlagDetector } from './safety/RedFlagDetector';
const d = new RedFlagDetector(loadRedFlagRules('knowledge/red-flags.json'));
const fill = (s: string, n: number) => s.repeat(Math.ceil(n / s.length)).slice(0, n - 40);
for (const n of [100_000, 200_000, 400_000]) {
  const row: string[] = [];
  for (const [name, unit] of [['prose', 'my leg hurts when i sit at my desk and the stretches help a bit. '], ['negTrig', 'no numbness in my groin no bladder problems '], ['dots', 'a.'], ['trig', 'numb both cant my leg i cant feel '], ['commas', 'numb, both, legs, cant, ']]) {
    const t = performance.now(); const a = d.assess(fill(unit, n) + ' i wet myself'); row.push(`${name} ${(performance.now() - t).toFixed(0)}ms ${a.kind}`);
  }
  console.log(n, row.join(' | '));
}
let t = performance.now();
for (let i = 0; i < 2000; i++) d.assess('my sciatica has been bad this week, can i book an appointment for thursday?');
console.log('short msg avg µs', ((performance.now() - t) / 2000 * 1000).toFixed(0));
