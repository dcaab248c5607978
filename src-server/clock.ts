// Time is injected so that rules about "now" (join windows, OTP expiry) are testable without sleeping.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
