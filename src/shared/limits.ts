/** Limits both the server and the web pages need. */

/**
 * The largest ledger file one import accepts. A province-scale year fits (the 1,000,000-record
 * benchmark ledger is about 95 MB); anything larger is split by year or record type.
 */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;

/** 一般450字内: the body length the policy asks for; longer bodies are accepted with a warning. */
export const BODY_GUIDELINE_CHARACTERS = 450;

/**
 * The largest id, version or page number a request may name: PostgreSQL's `integer`, the type of
 * every id and counter column. A larger number names nothing; refused at validation, it never
 * reaches a query that PostgreSQL would fail with "out of range".
 */
export const MAX_RECORD_ID = 2_147_483_647;

/**
 * The last page number a list request may ask for: its offset (page × page size, at most 200 a
 * page) must stay within PostgreSQL's `integer`, and no district keeps a list that long.
 */
export const MAX_PAGE = 10_000_000;
