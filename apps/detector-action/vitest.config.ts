import { project } from '../../vitest.shared';

export default project('detector-action', { testTimeout: 60_000 });
