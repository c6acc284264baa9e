/** The district editor's records on an item: adoptions, instructions, upward adoption. */
import type { ItemDetail } from '../types';

export function EditorialPanel(_props: { item: ItemDetail; onChange(): void }) {
  return null;
}
