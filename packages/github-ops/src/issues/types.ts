import type { RestEndpointMethodTypes } from '@octokit/rest';

export type Issue = RestEndpointMethodTypes['issues']['get']['response']['data'];
export type IssueComment = RestEndpointMethodTypes['issues']['getComment']['response']['data'];
export type Label = RestEndpointMethodTypes['issues']['getLabel']['response']['data'];

/** Logins whose bodies are trusted to carry markers (the bot Nightshift posts as). */
export type TrustedAuthors = string | readonly string[];

export function isTrustedAuthor(login: string | null | undefined, trusted: TrustedAuthors): boolean {
  if (!login) return false;
  const wanted = login.toLowerCase();
  const list = typeof trusted === 'string' ? [trusted] : trusted;
  return list.some((t) => t.toLowerCase() === wanted);
}
