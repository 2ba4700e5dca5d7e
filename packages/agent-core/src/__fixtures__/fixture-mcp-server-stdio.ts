// Entry point for the stdio bridge test: `node --import tsx fixture-mcp-server-stdio.ts`.
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createFixtureMcpServer } from './fixture-mcp-server';

process.stderr.write(`fixture server starting; secret=${'ghp_' + 'Z9y8'.repeat(9)}\n`);
await createFixtureMcpServer().connect(new StdioServerTransport());
