const TEMPLATE_REF = /\$(?:(\$)|(\d{1,2})|<([A-Za-z_$][\w$]*)>)/g;
/** Filled modes longer than this are cut: a mode names a failure, it is not a message. */
export const MAX_MODE_CHARS = 300;

/** Capture-group references a template uses, for validation. */
export function templateRefs(template: string): { numbers: number[]; names: string[] } {
  const numbers: number[] = [];
  const names: string[] = [];
  for (const m of template.matchAll(TEMPLATE_REF)) {
    if (m[2] !== undefined) numbers.push(Number(m[2]));
    else if (m[3] !== undefined) names.push(m[3]);
  }
  return { numbers, names };
}

/**
 * Fills a mode template from a match. A group that did not take part in the match is empty, so a
 * template may cover the branches of an alternation (`$1$2`). Whitespace is collapsed.
 */
export function fillMode(template: string, match: RegExpExecArray): string {
  const filled = template.replace(
    TEMPLATE_REF,
    (_all, dollar: string | undefined, num: string | undefined, name: string | undefined) => {
      if (dollar !== undefined) return '$';
      if (num !== undefined) return match[Number(num)] ?? '';
      return match.groups?.[name!] ?? '';
    },
  );
  const text = filled.replace(/\s+/g, ' ').trim();
  return text.length > MAX_MODE_CHARS ? text.slice(0, MAX_MODE_CHARS) : text;
}
