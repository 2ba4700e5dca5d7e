import { getFileContentsTool, getRepositoryStructureTool, searchCodeTool } from './contents-tools';
import { addIssueCommentTool, getIssueTool, listIssuesTool } from './issue-tools';
import { getJobLogsTool } from './job-log-tool';
import {
  createBranchTool,
  createOrUpdateFileTool,
  createPullRequestTool,
  linkIssuesTool,
} from './write-tools';

/** Every tool, read-only first. The server registers the write ones only when started with write. */
export const ALL_TOOLS = [
  getIssueTool,
  listIssuesTool,
  getFileContentsTool,
  searchCodeTool,
  getRepositoryStructureTool,
  getJobLogsTool,
  addIssueCommentTool,
  createBranchTool,
  createOrUpdateFileTool,
  createPullRequestTool,
  linkIssuesTool,
] as const;

export const READ_TOOL_NAMES = ALL_TOOLS.filter((t) => !t.write).map((t) => t.name);
export const WRITE_TOOL_NAMES = ALL_TOOLS.filter((t) => t.write).map((t) => t.name);
