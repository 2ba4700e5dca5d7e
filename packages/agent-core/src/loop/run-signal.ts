/**
 * One signal for everything a turn does (model call, retries' sleeps, tools): it fires when the
 * caller aborts or the deadline passes. `reason()` tells the two apart afterwards.
 */
export function runSignal(
  userSignal: AbortSignal | undefined,
  msUntilDeadline: number | undefined,
): { signal: AbortSignal; reason: () => 'aborted' | 'deadline' | undefined } {
  const signals: AbortSignal[] = [];
  if (userSignal) signals.push(userSignal);
  // AbortSignal.timeout does not keep the process alive, so an idle deadline timer is harmless.
  const deadline =
    msUntilDeadline === undefined ? undefined : AbortSignal.timeout(Math.max(0, msUntilDeadline));
  if (deadline) signals.push(deadline);
  const signal = signals.length === 0 ? new AbortController().signal : AbortSignal.any(signals);
  return {
    signal,
    reason: () => (userSignal?.aborted ? 'aborted' : deadline?.aborted ? 'deadline' : undefined),
  };
}
