import { ConfigError, loadConfigFile, type NightshiftConfig } from '@nightshift/failure-detection';
import { UnreadableInputError, UsageError } from '../exit-codes';

/** The config file, with the CLI's exit codes: 3 when it cannot be read, 2 when it is invalid. */
export async function loadDetectorConfig(path: string): Promise<NightshiftConfig> {
  try {
    return await loadConfigFile(path);
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    const unreadable = error.problems.some((p) => p.startsWith('cannot read the file'));
    throw unreadable ? new UnreadableInputError(error.message) : new UsageError(error.message);
  }
}
