/** The district editor's records on an item: adoptions, instructions, upward adoption. */
export function EditorialPanel(_props: { itemId: number; onChange(): void }) {
  return null;
}
