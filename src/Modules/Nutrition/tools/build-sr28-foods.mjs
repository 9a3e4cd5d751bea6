#!/usr/bin/env node
// Derives the built-in food database the Nutrition module ships from the USDA SR28 tables (public domain):
//   node src/Modules/Nutrition/tools/build-sr28-foods.mjs <folder with FOOD_DES.txt, NUT_DATA.txt, WEIGHT.txt>
// Writes Infrastructure/BuiltInFoods/sr28-foods.jsonl.gz: one JSON array per food,
//   [ndbNo, description, foodGroup, kcal, protein, fat, saturatedFat, carbohydrate, sugars, fibre, sodiumMg, alcohol,
//    [[amount, unit description, grams], ...]]
// Nutrients are per 100 g edible portion; a nutrient SR28 does not give is null (unknown, not zero).
// The output is deterministic (sorted by NDB number, no timestamps), so re-running it changes nothing.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: build-sr28-foods.mjs <SR28 folder>');
  process.exit(2);
}
// SR28 ASCII files: fields separated by ^, text in ~tildes~, CRLF lines (latin1 for the few non-ASCII bytes).
const rows = (file) =>
  readFileSync(join(folder, file), 'latin1')
    .split(/\r?\n/)
    .filter((l) => l.length > 0)
    .map((l) => l.split('^').map((f) => f.replace(/^~|~$/g, '')));

const NUTRIENTS = ['208', '203', '204', '606', '205', '269', '291', '307', '221'];
const foods = new Map();
for (const [code, group, longDesc] of rows('FOOD_DES.txt')) {
  foods.set(code, { code, group, name: longDesc, values: NUTRIENTS.map(() => null), portions: [] });
}
for (const [code, nutr, value] of rows('NUT_DATA.txt')) {
  const index = NUTRIENTS.indexOf(nutr);
  const food = foods.get(code);
  if (index >= 0 && food && value !== '') food.values[index] = Number(value);
}
for (const [code, seq, amount, desc, grams] of rows('WEIGHT.txt')) {
  const food = foods.get(code);
  if (food && Number(grams) > 0) food.portions.push([Number(seq), Number(amount), desc, Number(grams)]);
}
// ABBREV.txt has one food FOOD_DES.txt lacks (33879, a baby food added late in the release): take it from there so the
// database holds all 8,790 foods. ABBREV columns: 3 kcal, 4 protein, 5 fat, 7 carbohydrate, 8 fibre, 9 sugars, 15 sodium,
// 44 saturated fat; its description is the abbreviated upper-case one, shown in sentence case.
for (const f of rows('ABBREV.txt')) {
  if (foods.has(f[0])) continue;
  const num = (i) => (f[i] === '' ? null : Number(f[i]));
  const name = f[1].toLowerCase().replace(/,/g, ', ').replace(/^./, (c) => c.toUpperCase());
  foods.set(f[0], { code: f[0], group: '0300' /* Baby Foods: ABBREV has no group column */, name, values: [num(3), num(4), num(5), num(44), num(7), num(9), num(8), num(15), null], portions: [] });
}
const lines = [...foods.values()]
  .sort((a, b) => a.code.localeCompare(b.code))
  .map((f) => JSON.stringify([
    f.code, f.name, f.group, ...f.values,
    f.portions.sort((a, b) => a[0] - b[0]).map(([, amount, desc, grams]) => [amount, desc, grams]),
  ]));
const out = join(dirname(fileURLToPath(import.meta.url)), '../TrackStack.Nutrition/Infrastructure/BuiltInFoods/sr28-foods.jsonl.gz');
const gz = gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9, mtime: 0 });
writeFileSync(out, gz);
console.log(`${lines.length} foods, ${gz.length} bytes -> ${out}`);
