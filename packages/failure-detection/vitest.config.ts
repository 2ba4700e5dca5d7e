import { project } from '../../vitest.shared';

export default project('failure-detection');
