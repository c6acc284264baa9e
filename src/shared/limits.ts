/** Limits both the server and the web pages need. */

/**
 * The largest ledger file one import accepts. A province-scale year fits (the 1,000,000-record
 * benchmark ledger is about 95 MB); anything larger is split by year or record type.
 */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;

/** 一般450字内: the body length the policy asks for; longer bodies are accepted with a warning. */
export const BODY_GUIDELINE_CHARACTERS = 450;

/**
 * The largest `.xlsx` ledger, in bytes. Spreadsheets are held whole while read, so they get a
 * limit of their own, far below the JSON Lines one: a district's year (≈ 10,000 records) is
 * ≈ 0.45 MB as .xlsx (the 80-unit demo year, 3,667 records, is 160 KB), so 5 MB holds ten such
 * years. Larger ledgers go in as .jsonl or .csv. `GOVINFO_MAX_SPREADSHEET_MB` changes it.
 */
export const MAX_SPREADSHEET_BYTES = 5 * 1024 * 1024;

/**
 * What an `.xlsx` ledger may inflate to, all parts together. Ledger sheets compress about 9:1
 * (the demo year: 160 KB to 1.4 MB), so 64 MiB leaves room for a full 5 MB file with heavy
 * formatting while a zip bomb is refused. `GOVINFO_MAX_SPREADSHEET_UNZIPPED_MB` changes it.
 */
export const MAX_SPREADSHEET_UNZIPPED_BYTES = 64 * 1024 * 1024;

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

/**
 * The largest mail message taken in (邮件报送), in bytes, attachments included. Base64 makes an
 * attachment a third larger, so a message holding one attachment at its 20 MB limit fits.
 * `GOVINFO_MAX_MAIL_MB` changes it.
 */
export const MAX_MAIL_MESSAGE_BYTES = 30 * 1024 * 1024;

/** The most `.eml` files one upload on the inbox page takes in. */
export const MAX_MAIL_FILES_PER_UPLOAD = 20;
