import { project } from '../../vitest.shared.ts';

export default project('detector-action', { testTimeout: 60_000 });
