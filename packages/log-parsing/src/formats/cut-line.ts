/**
 * What a parser says about a line the input reader cut to its cap (`LogLine.truncated`): the
 * parsers that can lose a result to a cut add what they lost.
 */
export const LINE_CUT = 'line cut by the reader (over its line cap, 1 MiB unless set)';
