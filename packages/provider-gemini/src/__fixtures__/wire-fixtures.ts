import type { WireReply } from '@nightshift/agent-core/testing';
import blocked from './gemini-blocked.json';
import error400 from './gemini-error-400.json';
import error401 from './gemini-error-401.json';
import error429 from './gemini-error-429.json';
import error500 from './gemini-error-500.json';
import error503 from './gemini-error-503.json';
import multiPart from './gemini-multi-part.json';
import text from './gemini-text.json';
import toolUse from './gemini-tool-use.json';

export const replies = {
  text: { body: text },
  toolUse: { body: toolUse },
  multiPart: { body: multiPart },
  blocked: { body: blocked },
  error400,
  error401,
  error429,
  error500,
  error503,
} satisfies Record<string, WireReply>;
