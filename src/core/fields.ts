// Walking decoded fields, shared by the decoder and the stages after it.
import type { Field } from './model';

/** Fields in file order, container children after their container. */
export function flatFields(fields: Field[], out: Field[] = []): Field[] {
  for (const f of fields) {
    out.push(f);
    if (f.children) flatFields(f.children, out);
  }
  return out;
}
