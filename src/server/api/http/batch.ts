/**
 * Most procedure calls one tRPC batch request may carry. A batch runs its
 * calls at once, each holding a database connection, so the cap stays below
 * the pool's 10 connections (db/client.ts): one request cannot take them all.
 * The browser's batch link splits at the same size. Pure: the client imports it.
 */
export const MAX_BATCH_SIZE = 8;
