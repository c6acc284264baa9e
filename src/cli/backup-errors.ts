import { BackupError } from '../services/backup/backup-error.js';
import { UserError } from './context.js';

/** Runs a backup, restore or drill, turning its refusals into messages for the user (exit status 1). */
export async function asUserErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new UserError(error.message);
    throw error;
  }
}
