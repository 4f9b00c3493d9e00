/** The current time in whole epoch seconds, as ZEGO tokens count it. */
export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
