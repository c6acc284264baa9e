/**
 * The parts of ExcelJS 4.4 that `workbook.xlsx.load` reads an `.xlsx` with, typed as far as
 * `xlsx-sheet-rows.ts` uses them. ExcelJS ships no types for them; its streaming reader
 * converts cells differently (formula dates, booleans and errors, merged cells), so the
 * sheets are read row by row with the same parsers the whole-workbook load uses.
 */

declare module 'exceljs/lib/utils/parse-sax.js' {
  import type { Readable } from 'node:stream';

  export interface SaxNode {
    name: string;
    attributes: Record<string, string>;
  }
  export type SaxEvent =
    | { eventType: 'opentag'; value: SaxNode }
    | { eventType: 'text'; value: string }
    | { eventType: 'closetag'; value: SaxNode };

  /** Parses XML from a stream, yielding the events of each chunk together. */
  export default function parseSax(stream: Readable): AsyncGenerator<SaxEvent[]>;
}

declare module 'exceljs/lib/utils/col-cache.js' {
  const colCache: {
    decodeAddress(address: string): { row: number; col: number };
    decode(range: string): { top: number; left: number; bottom: number; right: number } | { row: number; col: number };
  };
  export default colCache;
}

declare module 'exceljs/lib/xlsx/xform/sheet/row-xform.js' {
  import type { SaxNode } from 'exceljs/lib/utils/parse-sax.js';
  import type { CellModel, CellReadOptions } from 'exceljs/lib/xlsx/xform/sheet/cell-model.js';

  export interface RowModel {
    number: number;
    cells: CellModel[];
  }
  export default class RowXform {
    model: RowModel;
    parseOpen(node: SaxNode): boolean;
    parseText(text: string): void;
    /** False when the row itself closes. */
    parseClose(name: string): boolean;
    reconcile(model: RowModel, options: CellReadOptions): void;
  }
}

declare module 'exceljs/lib/xlsx/xform/sheet/cell-model.js' {
  import type { CellValue, ValueType } from 'exceljs';

  /** A cell as the parsers leave it after `reconcile`. */
  export interface CellModel {
    address: string;
    type: ValueType;
    value?: CellValue;
    result?: CellValue;
  }
  export interface CellReadOptions {
    styles: unknown;
    sharedStrings: unknown;
    date1904: boolean | undefined;
    /** Shared formulas of the sheet, by their index. */
    formulae: Record<string, string>;
    hyperlinkMap: Record<string, never>;
    commentsMap: Record<string, never>;
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  import type { Readable } from 'node:stream';

  export default class SharedStringsXform {
    parseStream(stream: Readable): Promise<unknown>;
  }
}

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  import type { Readable } from 'node:stream';

  export default class StylesXform {
    constructor(initialise?: boolean);
    parseStream(stream: Readable): Promise<unknown>;
  }
}

declare module 'exceljs/lib/xlsx/xform/book/workbook-xform.js' {
  import type { Readable } from 'node:stream';

  export interface WorkbookModel {
    sheets?: { name: string; id: number; rId: string }[];
    properties?: { date1904?: boolean };
  }
  export default class WorkbookXform {
    parseStream(stream: Readable): Promise<WorkbookModel | undefined>;
  }
}

declare module 'exceljs/lib/xlsx/xform/core/relationships-xform.js' {
  import type { Readable } from 'node:stream';

  export default class RelationshipsXform {
    parseStream(stream: Readable): Promise<{ Id: string; Target: string }[] | undefined>;
  }
}
