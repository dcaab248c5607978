// Jitsi rooms: an unguessable room name per session on the practice's Jitsi host.
import { randomBytes } from 'node:crypto';

/** 16 random bytes: 128 bits, so nobody can find a session's room by guessing. */
const ROOM_ID_BYTES = 16;

export interface JitsiRoom {
  roomId: string;
  url: string;
}

export function newJitsiRoom(jitsiDomain: string): JitsiRoom {
  const roomId = `session-${randomBytes(ROOM_ID_BYTES).toString('hex')}`;
  return { roomId, url: `https://${jitsiDomain}/${roomId}` };
}
