import { project } from '../../vitest.shared';

export default project('log-parsing');
