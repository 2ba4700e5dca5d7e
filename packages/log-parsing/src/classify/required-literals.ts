/**
 * Derives literal strings one of which every match of a regular expression must contain, so a
 * cheap literal scan can reject lines before any rule runs (gitleaks-style keywords, computed
 * instead of hand-written).
 *
 * Hand-written rather than a regex-AST library: it needs only a conservative walk of the source
 * (literals, groups, alternation, quantifiers) and must never claim a literal that a match could
 * lack. Whenever it is unsure (lookarounds, escapes with meaning, optional parts, `v`-mode classes)
 * it treats the construct as "anything", which can only make the result weaker, never wrong.
 */

/** Shorter literals filter almost nothing; a rule without a long enough literal is always tested. */
export const MIN_LITERAL_LENGTH = 3;

type Alternatives = string[];

export function requiredLiterals(source: string, flags = ''): string[] | null {
  try {
    const parser = new LiteralParser(source, flags.includes('v'));
    const result = parser.alternation();
    if (parser.pos !== source.length) return null;
    return result;
  } catch {
    return null;
  }
}

class LiteralParser {
  pos = 0;
  constructor(
    private readonly src: string,
    private readonly vMode: boolean,
  ) {}

  /** branch ('|' branch)*: every branch must contribute, the result is their union. */
  alternation(): Alternatives | null {
    const branches: (Alternatives | null)[] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.sequence());
    }
    if (branches.some((b) => b === null)) return null;
    return [...new Set(branches.flat() as string[])];
  }

  /** A run of atoms: returns the strongest required candidate among its literal runs and groups. */
  private sequence(): Alternatives | null {
    const candidates: Alternatives[] = [];
    let run = '';
    const flush = () => {
      if (run) candidates.push([run]);
      run = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '|' || c === ')') break;
      if (c === '(') {
        flush();
        const inner = this.group();
        const q = this.quantifier();
        if (inner && (q === null || q.min >= 1)) candidates.push(inner);
        continue;
      }
      if (c === '[') {
        flush();
        this.skipClass();
        this.quantifier();
        continue;
      }
      if (c === '\\') {
        const literal = this.escape();
        const q = this.quantifier();
        if (literal === null || (q !== null && q.min === 0)) flush();
        else {
          run += literal;
          if (q !== null) flush();
        }
        continue;
      }
      if (c === '.' || c === '^' || c === '$') {
        this.pos++;
        flush();
        this.quantifier();
        continue;
      }
      if (c === '*' || c === '+' || c === '?') throw new Error('dangling quantifier');
      if (c === '{' && QUANTIFIER.test(this.src.slice(this.pos, this.pos + 24)))
        throw new Error('dangling quantifier');
      this.pos++;
      const q = this.quantifier();
      if (q !== null && q.min === 0) flush();
      else {
        run += c;
        if (q !== null) flush();
      }
    }
    flush();
    return best(candidates);
  }

  /** `(` … `)`; lookarounds and modifier groups give nothing (zero-width or flag-changing). */
  private group(): Alternatives | null {
    this.pos++; // (
    let opaque = false;
    if (this.src[this.pos] === '?') {
      const head = this.src.slice(this.pos, this.pos + 3);
      if (head.startsWith('?:')) this.pos += 2;
      else if (head.startsWith('?<') && head !== '?<=' && head !== '?<!') {
        const end = this.src.indexOf('>', this.pos);
        if (end === -1) throw new Error('bad group name');
        this.pos = end + 1;
      } else {
        // Lookahead/lookbehind (?= ?! ?<= ?<!) or modifiers (?i:…): parse through, claim nothing.
        opaque = true;
        this.pos++;
        while (this.pos < this.src.length && /[=!<a-zA-Z-]/.test(this.src[this.pos]!)) {
          const ch = this.src[this.pos]!;
          this.pos++;
          if (ch === '=' || ch === '!') break;
        }
        if (this.src[this.pos] === ':') this.pos++;
      }
    }
    const inner = this.alternation();
    if (this.src[this.pos] !== ')') throw new Error('unclosed group');
    this.pos++;
    return opaque ? null : inner;
  }

  private skipClass(): void {
    this.pos++; // [
    let depth = 1;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos]!;
      if (c === '\\') this.pos += 2;
      else if (c === '[' && this.vMode) {
        depth++;
        this.pos++;
      } else if (c === ']') {
        this.pos++;
        if (--depth === 0) return;
      } else this.pos++;
    }
    throw new Error('unclosed class');
  }

  /** Consumes one escape; returns the literal character it stands for, or null for anything else. */
  private escape(): string | null {
    const e = this.src[this.pos + 1];
    if (e === undefined) throw new Error('trailing backslash');
    this.pos += 2;
    if (/[A-Za-z0-9]/.test(e)) {
      if (e === 'x') this.pos += 2;
      else if (e === 'u') this.pos = this.src[this.pos] === '{' ? this.closing('}') : this.pos + 4;
      else if (e === 'c') this.pos += 1;
      else if ((e === 'p' || e === 'P') && this.src[this.pos] === '{') this.pos = this.closing('}');
      else if (e === 'k' && this.src[this.pos] === '<') this.pos = this.closing('>');
      else if (/[0-9]/.test(e)) while (/[0-9]/.test(this.src[this.pos] ?? '')) this.pos++;
      return null;
    }
    return e;
  }

  private closing(ch: string): number {
    const end = this.src.indexOf(ch, this.pos);
    if (end === -1) throw new Error('unclosed escape');
    return end + 1;
  }

  private quantifier(): { min: number } | null {
    const c = this.src[this.pos];
    let min: number;
    if (c === '*' || c === '?') {
      min = 0;
      this.pos++;
    } else if (c === '+') {
      min = 1;
      this.pos++;
    } else if (c === '{') {
      const m = QUANTIFIER.exec(this.src.slice(this.pos, this.pos + 24));
      if (!m) return null;
      min = Number(m[1]);
      this.pos += m[0].length;
    } else return null;
    if (this.src[this.pos] === '?') this.pos++; // lazy
    return { min };
  }
}

const QUANTIFIER = /^\{(\d+)(?:,\d*)?\}/;

/** The candidate whose shortest alternative is longest (then the one with fewer alternatives). */
function best(candidates: Alternatives[]): Alternatives | null {
  let chosen: Alternatives | null = null;
  let chosenScore = MIN_LITERAL_LENGTH - 1;
  for (const c of candidates) {
    const score = Math.min(...c.map((s) => s.length));
    if (score > chosenScore || (score === chosenScore && chosen !== null && c.length < chosen.length)) {
      chosen = c;
      chosenScore = score;
    }
  }
  return chosen;
}
