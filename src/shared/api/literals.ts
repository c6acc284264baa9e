import { Type } from '@sinclair/typebox';

/** A field that takes one of a fixed list of codes, named in Chinese by `title` for error messages. */
export const literals = <T extends string>(codes: readonly T[], title: string) =>
  Type.Union(
    codes.map((code) => Type.Literal(code)),
    { title }
  );
