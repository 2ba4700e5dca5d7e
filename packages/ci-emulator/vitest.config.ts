import { project } from '../../vitest.shared';

export default project('ci-emulator');
