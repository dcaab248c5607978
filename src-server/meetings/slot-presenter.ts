// What a client sees of a free slot: its start and end in UTC and its practice-zone day.
import type * as Api from '../../src-shared/api-types.js';
import { isoUtc } from '../http/timestamps.js';
import type { Slot } from './slots.js';

export function presentSlot(slot: Slot): Api.AvailableSlot {
  return { start: isoUtc(slot.start), end: isoUtc(slot.end), date: slot.date };
}
