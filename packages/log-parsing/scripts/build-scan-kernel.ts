// Writes src/scan-kernel/scan-kernel-wasm.ts from scan-kernel.wat (see scan-kernel-source.ts).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MODULE_PATH, renderKernelModule } from './scan-kernel-source';

writeFileSync(MODULE_PATH, await renderKernelModule());
console.log(`wrote ${fileURLToPath(MODULE_PATH)}`);
