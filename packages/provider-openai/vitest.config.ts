import { project } from '../../vitest.shared';

export default project('provider-openai');
