import type { WireReply } from '@nightshift/agent-core/testing';
import error400 from './anthropic-error-400.json';
import error401 from './anthropic-error-401.json';
import error429 from './anthropic-error-429.json';
import error500 from './anthropic-error-500.json';
import error529 from './anthropic-error-529.json';
import multiPart from './anthropic-multi-part.json';
import text from './anthropic-text.json';
import toolUse from './anthropic-tool-use.json';

export const replies = {
  text: { body: text },
  toolUse: { body: toolUse },
  multiPart: { body: multiPart },
  error400,
  error401,
  error429,
  error500,
  error529,
} satisfies Record<string, WireReply>;
