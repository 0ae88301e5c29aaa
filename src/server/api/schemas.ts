/**
 * Zod building blocks every procedure shares, so each rule is written once.
 */
import { z } from "zod";

/**
 * An id as PostgreSQL's uuid type holds it: any 128-bit value in 8-4-4-4-12
 * hex. z.uuid() accepts only RFC 9562 variants, and rows written by other
 * services need not be (11111111-1111-1111-1111-111111111111 is a valid
 * PostgreSQL uuid), so one such id would fail a whole response.
 */
export const ZPgUuid = z.guid();

// In a /u regex a surrogate pair reads as one code point, so \p{Cs} matches only unpaired halves.
const UNSTORABLE = /[\u0000\p{Cs}]/u;

/**
 * Text that PostgreSQL can store: no NUL (text and jsonb refuse it) and no
 * unpaired UTF-16 surrogate (not encodable as UTF-8). Every text input starts
 * here so such input is a 4xx naming the field, never a database error.
 */
export const isStorableText = (s: string) => !UNSTORABLE.test(s);
export const UNSTORABLE_TEXT_MESSAGE = "must not contain NUL characters (\\u0000) or unpaired surrogates";
export const ZPgText = z.string().refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE });
