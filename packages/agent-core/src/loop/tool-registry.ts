import { AgentError } from '../agent-error';
import { assertToolName } from '../tool/define-tool';
import type { AnyTool } from '../tool/tool';

/** Name → tool, refusing invalid or duplicate names (the model could not tell them apart). */
export function indexTools(tools: readonly AnyTool[], finalToolName: string): Map<string, AnyTool> {
  const map = new Map<string, AnyTool>();
  for (const tool of tools) {
    assertToolName(tool.name);
    if (tool.name === finalToolName) {
      throw new AgentError(`Tool name ${tool.name} collides with the final tool's name.`);
    }
    if (map.has(tool.name)) throw new AgentError(`Two tools are named ${tool.name}.`);
    map.set(tool.name, tool);
  }
  return map;
}
