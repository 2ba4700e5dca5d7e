import { readFileSync } from 'node:fs';
import { createParser } from './src/formats/create-parser';
import { detectFormat } from './src/formats/detect-format';
import { parseText, toLines } from './src/formats/test-lines';
const f = process.argv[2]!;
const text = readFileSync(f, 'utf8');
const fmt = (process.argv[3] as any) ?? detectFormat(toLines(text).slice(0, 50).map((l) => l.text), f);
console.log('format', fmt);
console.log(JSON.stringify(parseText(createParser(fmt, { path: f }), text), null, 1));
