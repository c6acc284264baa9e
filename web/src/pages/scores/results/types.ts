/** A quarter's results (GET /api/results), as the server declares them. */
export type { Publication, PublicationStatus } from '@shared/api/results';
