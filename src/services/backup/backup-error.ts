/** A backup, restore or drill refused or failed for a reason the user can act on (said in Chinese). */
export class BackupError extends Error {}
