/** The only source of "now" for commands and jobs (architecture.md §4.2); tests move a FakeClock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The system clock shifted by a fixed offset (TAIHANG_CLOCK_OFFSET_MS), for demos and browser tests. */
export function offsetClock(offsetMs: number): Clock {
  return offsetMs === 0 ? systemClock : { now: () => new Date(Date.now() + offsetMs) };
}

export class FakeClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2021-03-01T09:00:00+08:00') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceMinutes(n: number): void {
    this.advance(n * 60_000);
  }
  advanceDays(n: number): void {
    this.advance(n * 86_400_000);
  }
}
