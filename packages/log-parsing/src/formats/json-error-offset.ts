/**
 * Offset of the first character at which `text` stops being valid JSON (`text.length` when it
 * ends too early), or -1 when it is valid. V8's JSON.parse errors no longer carry a position, and
 * an error must name its line; this runs only after JSON.parse has failed. Iterative, so deep
 * nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  const stack: ('o' | 'a')[] = [];
  let mode: 'value' | 'value0' | 'key' | 'key0' | 'after' = 'value';
  let i = 0;
  const n = text.length;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
    if (mode === 'after' && stack.length === 0) return i === n ? -1 : i;
    if (i >= n) return n;
    const c = text[i]!;
    switch (mode) {
      case 'value0':
      case 'key0':
        if (c === (mode === 'value0' ? ']' : '}')) {
          stack.pop();
          i++;
          mode = 'after';
        } else {
          mode = mode === 'value0' ? 'value' : 'key';
        }
        continue;
      case 'value':
        if (c === '{' || c === '[') {
          stack.push(c === '{' ? 'o' : 'a');
          mode = c === '{' ? 'key0' : 'value0';
          i++;
          continue;
        }
        i = scalarEnd(text, i);
        if (i < 0) return -i - 1;
        mode = 'after';
        continue;
      case 'key': {
        if (c !== '"') return i;
        i = scalarEnd(text, i);
        if (i < 0) return -i - 1;
        while (i < n && /\s/.test(text[i]!)) i++;
        if (i >= n) return n;
        if (text[i] !== ':') return i;
        i++;
        mode = 'value';
        continue;
      }
      case 'after': {
        const top = stack.at(-1);
        if (c === ',') mode = top === 'o' ? 'key' : 'value';
        else if ((c === '}' && top === 'o') || (c === ']' && top === 'a')) stack.pop();
        else return i;
        i++;
        continue;
      }
    }
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** End offset of the string/number/literal at `i`, or -(offset of the error) - 1. */
function scalarEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') {
    for (let j = i + 1; j < text.length; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x22) return j + 1;
      if (d < 0x20) return -j - 1;
      if (d === 0x5c) j++;
    }
    return -text.length - 1;
  }
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  NUMBER.lastIndex = i;
  const m = NUMBER.exec(text);
  return m && m[0].length > 0 ? i + m[0].length : -i - 1;
}
