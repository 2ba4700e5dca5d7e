import type { RouteHandler, RouteSpec } from '../context';
import { faultRuleSchema } from '../faults';
import { HttpError } from '../http-error';
import type { Routes } from './common';

const control = (handler: RouteHandler): RouteSpec => ({ kind: 'control', handler });

/** `/_emulator/*`: inspect, reset and fault the emulator over HTTP (not logged, never faulted). */
export function registerControlRoutes(router: Routes): void {
  router.add(
    'GET',
    '/_emulator/state',
    control((ctx) => ({
      status: 200,
      json: {
        ...ctx.control.state.snapshot(),
        requestCounts: ctx.control.requestCounts(),
        faults: ctx.control.faults.list(),
      },
    })),
  );
  router.add(
    'GET',
    '/_emulator/requests',
    control((ctx) => ({
      status: 200,
      json: { requests: ctx.control.requests(), counts: ctx.control.requestCounts() },
    })),
  );
  router.add(
    'POST',
    '/_emulator/reset',
    control(async (ctx) => {
      await ctx.control.reset();
      return { status: 204 };
    }),
  );
  router.add(
    'POST',
    '/_emulator/faults',
    control((ctx) => {
      let value: unknown;
      try {
        value = JSON.parse(ctx.rawBody.toString('utf8'));
      } catch {
        throw new HttpError(400, 'Problems parsing JSON');
      }
      const rules = Array.isArray(value) ? value : [value];
      const parsed = rules.map((rule) => faultRuleSchema.safeParse(rule));
      const bad = parsed.find((result) => !result.success);
      if (bad && !bad.success) {
        throw new HttpError(
          422,
          `Invalid fault rule: ${bad.error.issues.map((issue) => `${issue.path.join('.') || '(rule)'}: ${issue.message}`).join('; ')}`,
        );
      }
      for (const result of parsed) if (result.success) ctx.control.faults.add(result.data);
      return { status: 201, json: { faults: ctx.control.faults.list() } };
    }),
  );
  router.add(
    'DELETE',
    '/_emulator/faults',
    control((ctx) => {
      ctx.control.faults.clear();
      return { status: 204 };
    }),
  );
}
