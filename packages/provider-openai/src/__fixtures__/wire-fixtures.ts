import type { WireReply } from '@nightshift/agent-core/testing';
import compatibleQuirks from './compatible-quirks.json';
import ollamaTextAndTool from './ollama-text-and-tool.json';
import error400 from './openai-error-400.json';
import error401 from './openai-error-401.json';
import error429 from './openai-error-429.json';
import error429Quota from './openai-error-429-quota.json';
import error500 from './openai-error-500.json';
import text from './openai-text.json';
import toolUse from './openai-tool-use.json';
import vllmError400 from './vllm-error-400.json';

export const replies = {
  text: { body: text },
  toolUse: { body: toolUse },
  ollamaTextAndTool: { body: ollamaTextAndTool },
  compatibleQuirks: { body: compatibleQuirks },
  error400,
  error401,
  error429,
  error429Quota,
  error500,
  vllmError400,
} satisfies Record<string, WireReply>;
