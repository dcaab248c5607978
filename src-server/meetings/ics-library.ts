// The `ics` library, loaded with the first calendar file (an invite, a cancellation, the feed) rather than at start-up:
// with the yup validation it brings it is about 20 modules that a server sending no invite never needs.
import type * as Ics from 'ics';

let loading: Promise<typeof Ics> | null = null;

export function icsLibrary(): Promise<typeof Ics> {
  loading ??= import('ics');
  return loading;
}
