/** Time as tokens count it (whole epoch seconds), and as people read it: the one way the doctor and the CLI say it. */

/** The current time in whole epoch seconds, as ZEGO tokens count it. */
export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

// A Date reaches 8.64e15 ms from the epoch; a token's expire time may be any int64 up to 2^53 - 1 seconds.
const LAST_DATE_SECONDS = 8.64e12;

/** An epoch-seconds time as an ISO date, or as the number itself past the calendar's end (year 275760). */
export function isoTime(epochSeconds: number): string {
  if (Math.abs(epochSeconds) <= LAST_DATE_SECONDS) return new Date(epochSeconds * 1000).toISOString();
  return `epoch second ${epochSeconds} (after the year 275760)`;
}

/** A span of seconds as people read it: seconds, minutes, hours or days. */
export function timeSpan(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}
